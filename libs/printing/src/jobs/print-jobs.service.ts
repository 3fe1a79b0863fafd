import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { EventPublisher } from '@kassa/platform';
import { StoresError, StoresService } from '@kassa/stores';
import { PrintJob, PrintJobKind } from '../entities/print-job.entity';
import { Printer } from '../entities/printer.entity';
import { Station } from '../entities/station.entity';
import { PrintingStatus } from '../gateway/printing-status';
import { PrintingError, PrintingErrorCode } from '../printing.errors';
import { orderNotPrinted } from '../printing.events';
import type { PrintContent } from '../render/print-content';
import { renderPrint } from '../render/render';
import { AfterCommit } from './after-commit';
import { JobPrinter, orderPrintSetup } from './order-print-setup';
import { OrdersReader } from './orders-reader';
import { kitchenContentOf, linesFor, profileOf, receiptContentOf, testPageContentOf } from './print-contents';
import { PrintDelivery } from './print-delivery';
import { takeSequence } from './sequences';

interface NewJob {
  readonly kind: PrintJobKind;
  readonly content: PrintContent;
  readonly orderId: string | null;
  readonly orderNumber: string | null;
  readonly receiptNumber: number | null;
}

/**
 * Makes print jobs, in the caller's transaction: each takes the next sequence of its printer
 * (under the printer row's lock, so sequences are gapless) and is sent after the commit.
 */
@Injectable()
export class PrintJobsService {
  constructor(
    private readonly em: EntityManager,
    private readonly orders: OrdersReader,
    private readonly stores: StoresService,
    private readonly delivery: PrintDelivery,
    private readonly status: PrintingStatus,
    private readonly afterCommit: AfterCommit,
    private readonly events: EventPublisher,
  ) {}

  /**
   * The customer receipt for each receipt printer of the order's store and a kitchen ticket for
   * each kitchen printer that gets lines, once per order: a second delivery of the same event
   * waits on the first (advisory lock) and then finds its jobs.
   */
  async printOrder(orderId: string): Promise<PrintJob[]> {
    await this.em.execute('select pg_advisory_xact_lock(hashtext(?))', [`printing.order:${orderId}`]);
    const order = await this.orders.service().forPrinting(orderId);
    const { printed, printers, store, receiptFooter, receiptNumber } = await orderPrintSetup(this.em, order.id, order.storeId);
    // Printed by an earlier delivery, or a store without printers (it works from the order board): nothing to do, nothing to alert.
    if (printed || printers.length === 0) return [];
    if (!store) throw StoresError.notFound(order.storeId);
    const now = new Date();
    const jobs: PrintJob[] = [];
    if (receiptNumber !== null) {
      const content = receiptContentOf(order, store, receiptFooter, receiptNumber, now);
      for (const printer of printers.filter((p) => p.roles.includes('receipt'))) {
        jobs.push(await this.enqueue(printer, { kind: 'receipt', content, orderId: order.id, orderNumber: order.number, receiptNumber }, false, false));
      }
    }
    for (const printer of printers.filter((p) => p.roles.includes('kitchen'))) {
      const lines = linesFor(printer, order.lines);
      if (lines.length === 0) continue;
      const content = kitchenContentOf(order, lines, store, now);
      jobs.push(await this.enqueue(printer, { kind: 'kitchen', content, orderId: order.id, orderNumber: order.number, receiptNumber: null }, false, false));
    }
    await this.delivery.sendAfterCommit(jobs);
    const waitingFor = printers.filter((p) => jobs.some((j) => j.printerId === p.id));
    if (waitingFor.length > 0 && waitingFor.every((p) => !p.online)) {
      // The order is safe in the queue, but nobody will see it until a station comes back: tell the managers.
      this.events.publish(
        orderNotPrinted({ orderId: order.id, orderNumber: order.number, storeId: order.storeId, reason: 'no_station_online', printers: waitingFor.map((p) => p.name) }),
      );
    }
    return jobs;
  }

  /** A test page with å ä ö, the column ruler and a QR code. */
  async testPage(printerId: string): Promise<PrintJob> {
    const printer = await this.loadPrinter(printerId);
    const store = await this.stores.get(printer.storeId);
    const station = printer.stationId ? await this.em.findOne(Station, { id: printer.stationId }) : null;
    const content = testPageContentOf(store, printer, station?.name ?? null, new Date());
    return this.enqueue(printer, { kind: 'test', content, orderId: null, orderNumber: null, receiptNumber: null }, false);
  }

  /**
   * A copy, marked KOPIA, on the job's printer. Swedish rules allow one copy of a customer
   * receipt: a second is refused (the original job's row lock makes two at once one after the
   * other). Kitchen tickets and test pages may be reprinted freely.
   */
  async reprint(jobId: string): Promise<PrintJob> {
    const original = await this.lockJob(jobId);
    if (original.kind === 'receipt') {
      const number = original.receiptNumber ?? 0;
      const refusal = (reason: string) =>
        new PrintingError(PrintingErrorCode.COPY_ALREADY_PRINTED, `Receipt ${number} ${reason}; Swedish rules allow one copy of a receipt`, [{ field: 'id', reason }]);
      if (original.copy) throw refusal('is itself the copy');
      const copies = await this.em.count(PrintJob, { storeId: original.storeId, orderId: original.orderId, kind: 'receipt', receiptNumber: original.receiptNumber, copy: true });
      if (copies > 0) throw refusal('was already reprinted once');
    }
    const printer = await this.loadPrinter(original.printerId);
    return this.enqueue(
      printer,
      { kind: original.kind, content: original.source.content, orderId: original.orderId, orderNumber: original.orderNumber, receiptNumber: original.receiptNumber },
      true,
    );
  }

  /** Sends a held job now, however old it is. */
  async release(jobId: string): Promise<PrintJob> {
    const job = await this.lockJob(jobId);
    if (job.status !== 'held') {
      throw new PrintingError(PrintingErrorCode.JOB_NOT_HELD, `Print job ${job.id} is ${job.status}; only held jobs are released`, [{ field: 'status', reason: `is ${job.status}` }]);
    }
    Object.assign(job, { status: 'queued', releasedAt: new Date(), error: null });
    this.afterCommit.add(async () => void (await this.delivery.deliverNow(job.printerId)));
    return job;
  }

  /**
   * Moves a job that has not printed to another printer of its store: rendered again for that
   * printer, with the next sequence there, and sent at once (a held job counts as released).
   */
  async reroute(jobId: string, printerId: string): Promise<PrintJob> {
    const job = await this.lockJob(jobId);
    if (job.status === 'printed') {
      throw new PrintingError(PrintingErrorCode.JOB_ALREADY_PRINTED, `Print job ${job.id} is already printed; reprint it instead`, [{ field: 'status', reason: 'is printed' }]);
    }
    const target = await this.em.findOne(Printer, { id: printerId });
    const refuse = (reason: string) => new PrintingError(PrintingErrorCode.INVALID_REROUTE, `printerId: ${reason}`, [{ field: 'printerId', reason }]);
    if (!target || target.storeId !== job.storeId) throw refuse('is not a printer of the job’s store');
    if (target.id === job.printerId) throw refuse('is the printer the job is already on');
    const from = job.printerId;
    const source = { content: job.source.content, profile: profileOf(target) };
    const rendered = renderPrint(source, job.copy);
    Object.assign(job, {
      printerId: target.id,
      sequence: await takeSequence(this.em, target.id),
      source,
      bytes: rendered.bytes,
      previewText: rendered.text,
      status: 'queued',
      releasedAt: new Date(),
      error: null,
      reroutedFrom: from,
    });
    this.afterCommit.add(async () => {
      await this.delivery.deliverNow(target.id);
      await this.status.printers([from]);
    });
    return job;
  }

  /** Moves every queued or failed job of a printer that stays offline to its fallback (the watcher). */
  async rerouteWaiting(fromPrinterId: string, toPrinterId: string): Promise<number> {
    const jobs = await this.em.find(PrintJob, { printerId: fromPrinterId, status: { $in: ['queued', 'failed'] } }, { orderBy: { sequence: 'ASC' } });
    for (const job of jobs) await this.reroute(job.id, toPrinterId);
    return jobs.length;
  }

  async loadPrinter(id: string): Promise<Printer> {
    const printer = await this.em.findOne(Printer, { id });
    if (!printer) throw PrintingError.notFound(PrintingErrorCode.PRINTER_NOT_FOUND, 'Printer', id);
    return printer;
  }

  private async lockJob(id: string): Promise<PrintJob> {
    const job = await this.em.findOne(PrintJob, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!job) throw PrintingError.notFound(PrintingErrorCode.PRINT_JOB_NOT_FOUND, 'Print job', id);
    return job;
  }

  /** A new job, queued; unless the caller sends it itself, it goes to its station after the commit. */
  private async enqueue(printer: JobPrinter, spec: NewJob, copy: boolean, deliverAfterCommit = true): Promise<PrintJob> {
    const source = { content: spec.content, profile: profileOf(printer) };
    const rendered = renderPrint(source, copy);
    const job = this.em.create(PrintJob, {
      storeId: printer.storeId,
      printerId: printer.id,
      orderId: spec.orderId,
      orderNumber: spec.orderNumber,
      kind: spec.kind,
      sequence: await takeSequence(this.em, printer.id),
      copy,
      status: 'queued',
      attempts: 0,
      receiptNumber: spec.receiptNumber,
      bytes: rendered.bytes,
      previewText: rendered.text,
      source,
      createdAt: new Date(),
    });
    this.em.persist(job);
    if (deliverAfterCommit) this.afterCommit.add(async () => void (await this.delivery.deliverNow(printer.id)));
    return job;
  }
}
