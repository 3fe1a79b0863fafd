import { Logger } from '@nestjs/common';
import { ArrayMinSize, IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { Type, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CommonError } from '../errors';
import { toErrorBody } from './kassa-exception.filter';
import { fieldProblems } from './validation';

class Line {
  @IsInt() @Min(1) quantity!: number;
}
class Cart {
  @IsString() storeId!: string;
  @ValidateNested({ each: true }) @Type(() => Line) @ArrayMinSize(1) items!: Line[];
}

describe('error answers', () => {
  const logger = new Logger('test');

  it('name nested fields with their path', async () => {
    const cart = plainToInstance(Cart, { storeId: 7, items: [{ quantity: 0 }] });
    const problems = fieldProblems(await validate(cart));
    expect(problems).toEqual([
      { field: 'storeId', reason: 'must be a string' },
      { field: 'items.0.quantity', reason: 'must not be less than 1' },
    ]);
  });

  it('keep a domain error’s status, code and details', () => {
    const body = toErrorBody(CommonError.validation([{ field: 'email', reason: 'is taken' }]), logger);
    expect(body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid input: email: is taken',
      details: [{ field: 'email', reason: 'is taken' }],
    });
  });

  it('turn malformed JSON into a 400 naming the body', () => {
    const body = toErrorBody(Object.assign(new SyntaxError('Unexpected token'), { type: 'entity.parse.failed', status: 400 }), logger);
    expect(body).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON', details: [{ field: 'body' }] });
  });

  it('hide unknown errors behind a 500 without their message', () => {
    const quiet = new Logger('quiet');
    jest.spyOn(quiet, 'error').mockImplementation(() => undefined);
    const body = toErrorBody(new Error('password=hunter2 leaked'), quiet);
    expect(body).toMatchObject({ statusCode: 500, code: 'INTERNAL_ERROR' });
    expect(body.message).not.toContain('hunter2');
  });
});
