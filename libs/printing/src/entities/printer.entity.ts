import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId, StoreScoped } from '@kassa/shared';

export const PRINTER_ROLES = ['receipt', 'kitchen'] as const;
export type PrinterRole = (typeof PRINTER_ROLES)[number];

export const PRINTER_LANGUAGES = ['escpos', 'starprnt'] as const;
export type PrinterLanguage = (typeof PRINTER_LANGUAGES)[number];

export const PRINTER_CONNECTIONS = ['agent', 'cloudprnt'] as const;
export type PrinterConnection = (typeof PRINTER_CONNECTIONS)[number];

export const PAPER_WIDTHS = [58, 80] as const;
export type PaperWidth = (typeof PAPER_WIDTHS)[number];

/** Character columns each paper width allows (font A); 80 mm printers come with 48 or 42. */
export const COLUMNS_OF_PAPER: Readonly<Record<PaperWidth, readonly number[]>> = { 58: [32], 80: [48, 42] };

/**
 * A receipt or kitchen printer. `nextSequence` numbers its jobs without gaps (taken under the
 * row's lock); `lastAckedSequence` is the highest one the station confirmed on paper.
 */
@Entity({ tableName: 'printer' })
@StoreScoped()
@Index({ properties: ['storeId'] })
@Index({ properties: ['stationId'] })
export class Printer {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  storeId!: string;

  /** Null for printers that poll the server themselves (Star CloudPRNT). */
  @Property({ type: 'uuid', nullable: true })
  stationId: string | null = null;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'text[]' })
  roles: PrinterRole[] = [];

  /** Kitchen routing: the categories whose lines this printer gets; empty means every category. */
  @Property({ type: 'uuid[]' })
  categoryIds: string[] = [];

  @Property({ type: 'integer' })
  paperWidth: PaperWidth = 80;

  @Property({ type: 'integer' })
  columns = 48;

  @Enum({ items: () => [...PRINTER_LANGUAGES] })
  language: PrinterLanguage = 'escpos';

  @Property({ type: 'string', length: 20 })
  codepage = 'cp865';

  @Property({ type: 'boolean' })
  cashDrawer = false;

  @Enum({ items: () => [...PRINTER_CONNECTIONS] })
  connection: PrinterConnection = 'agent';

  /** SHA-256 (hex) of the CloudPRNT token in the URL the printer polls; null for agent printers. */
  @Unique()
  @Property({ type: 'string', length: 64, nullable: true, hidden: true })
  cloudprntTokenHash: string | null = null;

  /** The CloudPRNT token's last 4 characters, so staff can tell which URL a printer holds. */
  @Property({ type: 'string', length: 4, nullable: true })
  cloudprntTokenHint: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  fallbackPrinterId: string | null = null;

  /** As last reported: true from the station's resume or an online status, false when it reports offline or disconnects. */
  @Property({ type: 'boolean' })
  online = false;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  lastSeenAt: Date | null = null;

  /** When the printer went offline; the alert goes out once it has been so for a while. */
  @Property({ type: 'timestamptz', nullable: true })
  offlineSince: Date | null = null;

  /** When PrinterFailed was published for the current outage (cleared when it is back). */
  @Property({ type: 'timestamptz', nullable: true })
  failureAlertedAt: Date | null = null;

  @Property({ type: 'integer' })
  lastAckedSequence = 0;

  @Property({ type: 'integer' })
  nextSequence = 1;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
