import { BlobType, Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId, StoreScoped } from '@kassa/shared';
import type { PrintSource } from '../render/print-content';

export const PRINT_JOB_KINDS = ['receipt', 'kitchen', 'test'] as const;
export type PrintJobKind = (typeof PRINT_JOB_KINDS)[number];

export const PRINT_JOB_STATUSES = ['queued', 'sent', 'printed', 'failed', 'held'] as const;
export type PrintJobStatus = (typeof PRINT_JOB_STATUSES)[number];

/**
 * One piece of paper for one printer: `queued → sent → printed | failed`, or `held` when it
 * waited so long (printer away) that staff decide whether it still goes out. The bytes are the
 * printer's own command language; `source` is what they were rendered from, so the preview
 * shows exactly the paper's layout and a reprint or re-route renders the same content again.
 */
@Entity({ tableName: 'print_job' })
@StoreScoped()
@Unique({ properties: ['printerId', 'sequence'] })
@Index({ properties: ['printerId', 'status', 'sequence'] })
@Index({ properties: ['orderId'] })
@Index({ properties: ['storeId', 'createdAt'] })
export class PrintJob {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  storeId!: string;

  @Property({ type: 'uuid' })
  printerId!: string;

  @Property({ type: 'uuid', nullable: true })
  orderId: string | null = null;

  @Property({ type: 'string', length: 8, nullable: true })
  orderNumber: string | null = null;

  @Enum({ items: () => [...PRINT_JOB_KINDS] })
  kind!: PrintJobKind;

  /** Per printer, taken from the printer row at insert. */
  @Property({ type: 'integer' })
  sequence!: number;

  /** A reprint, printed with KOPIA on top. */
  @Property({ type: 'boolean' })
  copy = false;

  @Enum({ items: () => [...PRINT_JOB_STATUSES] })
  status: PrintJobStatus = 'queued';

  /** How many times it was sent to a station. */
  @Property({ type: 'integer' })
  attempts = 0;

  /** The customer receipt's number (gapless per store); copies repeat the original's. */
  @Property({ type: 'integer', nullable: true })
  receiptNumber: number | null = null;

  @Property({ type: BlobType, lazy: true })
  bytes!: Buffer;

  @Property({ type: 'text' })
  previewText!: string;

  @Property({ type: 'json' })
  source!: PrintSource;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  sentAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  printedAt: Date | null = null;

  /** Set when staff released a held job: it is sent however old it is. */
  @Property({ type: 'timestamptz', nullable: true })
  releasedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  error: string | null = null;

  /** The printer the job was first meant for, when it was re-routed to this one. */
  @Property({ type: 'uuid', nullable: true })
  reroutedFrom: string | null = null;
}
