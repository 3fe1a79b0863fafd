import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, RequestWithActor } from '@kassa/shared';
import { StoresService } from '@kassa/stores';
import { PrintJob } from './entities/print-job.entity';
import { Printer } from './entities/printer.entity';
import { Station } from './entities/station.entity';
import { PrintingError, PrintingErrorCode } from './printing.errors';

type Resource = 'station' | 'printer' | 'print-job' | 'store';
const IN_SCOPE = 'printing:in-scope';

/**
 * Answers 404 for a station, printer, job or store outside the caller's stores before the body
 * is validated, so staff of store A learn nothing about store B, not even through a validation
 * error. Runs after the global access guard has scoped the entity manager to the caller.
 */
@Injectable()
export class InScopeGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly em: EntityManager,
    private readonly stores: StoresService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const resource = this.reflector.get<Resource | undefined>(IN_SCOPE, context.getHandler());
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const params = request.params as Record<string, string | undefined>;
    const id = resource === 'store' ? params.storeId : params.id;
    // Malformed ids are left to the parameter pipes, which answer 400 naming them.
    if (!resource || !request.actor || !id || !isUuid(id)) return true;
    switch (resource) {
      case 'store':
        await this.stores.get(id);
        break;
      case 'station':
        if (!(await this.em.count(Station, { id }))) throw PrintingError.notFound(PrintingErrorCode.STATION_NOT_FOUND, 'Station', id);
        break;
      case 'printer':
        if (!(await this.em.count(Printer, { id }))) throw PrintingError.notFound(PrintingErrorCode.PRINTER_NOT_FOUND, 'Printer', id);
        break;
      case 'print-job':
        if (!(await this.em.count(PrintJob, { id }))) throw PrintingError.notFound(PrintingErrorCode.PRINT_JOB_NOT_FOUND, 'Print job', id);
        break;
    }
    return true;
  }
}

export const InScope = (resource: Resource): MethodDecorator => applyDecorators(SetMetadata(IN_SCOPE, resource), UseGuards(InScopeGuard));
