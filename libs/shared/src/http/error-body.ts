import { ApiProperty } from '@nestjs/swagger';
import { FieldProblem } from '../errors';

export class FieldProblemDto implements FieldProblem {
  @ApiProperty({ example: 'email' }) field!: string;
  @ApiProperty({ example: 'must be an email address' }) reason!: string;
}

/** The one shape of every error answer. */
export class ErrorBody {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code' }) code!: string;
  @ApiProperty({ example: 'Invalid input: email: must be an email address' }) message!: string;
  @ApiProperty({ type: [FieldProblemDto] }) details!: FieldProblemDto[];
}

export function errorBody(statusCode: number, code: string, message: string, details: readonly FieldProblem[] = []): ErrorBody {
  return { statusCode, code, message, details: [...details] };
}
