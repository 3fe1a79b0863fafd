import {
  applyDecorators,
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHeader, ApiQuery } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { map, Observable } from 'rxjs';
import { contentRange, ListPage, ListSpec, parseListQuery } from './list-query';

const LIST_RESOURCE = 'kassa:list-resource';

@Injectable()
export class ListPageInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const resource = this.reflector.get<string>(LIST_RESOURCE, context.getHandler());
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((page: ListPage<unknown>) => {
        response.setHeader('Content-Range', contentRange(resource, page));
        return page.items;
      }),
    );
  }
}

/** Marks a handler as a react-admin list: the handler returns a ListPage, the client gets an array. */
export function Paginated(resource: string): MethodDecorator {
  return applyDecorators(
    SetMetadata(LIST_RESOURCE, resource),
    UseInterceptors(ListPageInterceptor),
    ApiQuery({ name: 'sort', required: false, description: 'JSON ["field","ASC"|"DESC"]', example: '["name","ASC"]' }),
    ApiQuery({ name: 'range', required: false, description: 'JSON [first,last], zero-based, inclusive', example: '[0,24]' }),
    ApiQuery({ name: 'filter', required: false, description: 'JSON object of filters; "q" searches', example: '{"q":"café"}' }),
    ApiHeader({ name: 'Content-Range', required: false, description: `Returned: "${resource} first-last/total"` }),
  );
}

/** Parses sort/range/filter against the list's spec; bad values become a 400 naming the field. */
export const ListParams = createParamDecorator((spec: ListSpec, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<Request>();
  return parseListQuery(request.query, spec);
});
