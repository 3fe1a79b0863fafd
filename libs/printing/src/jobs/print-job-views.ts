import { Injectable } from '@nestjs/common';
import { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { CommonError, FieldProblem, ListPage, ListQuery } from '@kassa/shared';
import { PrintJobPreviewResponse, PrintJobResponse } from '../dto/print-job.dto';
import { PRINT_JOB_KINDS, PRINT_JOB_STATUSES, PrintJob, PrintJobKind, PrintJobStatus } from '../entities/print-job.entity';
import { Printer } from '../entities/printer.entity';
import { PrintingError, PrintingErrorCode } from '../printing.errors';
import { renderPreview } from '../render/render';

interface PrintJobFilter {
  readonly id?: string[];
  readonly storeId?: string[];
  readonly printerId?: string[];
  readonly orderId?: string;
  readonly status?: string[];
  readonly kind?: string;
}

/** Print jobs as the admin lists and previews them; every read goes through the store scope. */
@Injectable()
export class PrintJobViews {
  constructor(private readonly em: EntityManager) {}

  async list(query: ListQuery): Promise<ListPage<PrintJobResponse>> {
    const [jobs, total] = await this.em.findAndCount(PrintJob, whereOf(query.filter as PrintJobFilter), {
      orderBy: [{ [query.sort.field]: query.sort.order }, { sequence: query.sort.order }, { id: 'ASC' }],
      limit: query.limit,
      offset: query.offset,
    });
    return { items: await this.views(jobs), total, offset: query.offset };
  }

  async get(id: string): Promise<PrintJobResponse> {
    return (await this.views([await this.load(id)]))[0];
  }

  async views(jobs: readonly PrintJob[]): Promise<PrintJobResponse[]> {
    const printerIds = [...new Set(jobs.map((j) => j.printerId))];
    const printers = printerIds.length === 0 ? [] : await this.em.find(Printer, { id: { $in: printerIds } }, { fields: ['id', 'name'] });
    const names = new Map(printers.map((p) => [p.id, p.name]));
    return jobs.map((j) => ({
      id: j.id,
      storeId: j.storeId,
      printerId: j.printerId,
      printerName: names.get(j.printerId) ?? null,
      orderId: j.orderId,
      orderNumber: j.orderNumber,
      kind: j.kind,
      sequence: j.sequence,
      status: j.status,
      attempts: j.attempts,
      copy: j.copy,
      createdAt: j.createdAt,
      sentAt: j.sentAt,
      printedAt: j.printedAt,
      error: j.error,
      receiptNumber: j.receiptNumber,
      reroutedFrom: j.reroutedFrom,
    }));
  }

  /** The paper as text and HTML, laid out again from what the job was rendered from: the same lines. */
  async preview(id: string): Promise<PrintJobPreviewResponse> {
    const job = await this.load(id);
    return renderPreview(job.source, job.copy);
  }

  private async load(id: string): Promise<PrintJob> {
    const job = await this.em.findOne(PrintJob, { id });
    if (!job) throw PrintingError.notFound(PrintingErrorCode.PRINT_JOB_NOT_FOUND, 'Print job', id);
    return job;
  }
}

function whereOf(filter: PrintJobFilter): FilterQuery<PrintJob> {
  const problems: FieldProblem[] = [];
  const statuses = filter.status?.filter((s): s is PrintJobStatus => (PRINT_JOB_STATUSES as readonly string[]).includes(s));
  if (filter.status && statuses?.length !== filter.status.length) problems.push({ field: 'filter.status', reason: `must be among ${PRINT_JOB_STATUSES.join(', ')}` });
  if (filter.kind !== undefined && !(PRINT_JOB_KINDS as readonly string[]).includes(filter.kind)) {
    problems.push({ field: 'filter.kind', reason: `must be one of ${PRINT_JOB_KINDS.join(', ')}` });
  }
  if (problems.length > 0) throw CommonError.validation(problems);
  return {
    ...(filter.id ? { id: { $in: filter.id } } : {}),
    ...(filter.storeId ? { storeId: { $in: filter.storeId } } : {}),
    ...(filter.printerId ? { printerId: { $in: filter.printerId } } : {}),
    ...(filter.orderId ? { orderId: filter.orderId } : {}),
    ...(statuses ? { status: { $in: statuses } } : {}),
    ...(filter.kind ? { kind: filter.kind as PrintJobKind } : {}),
  };
}
