import { Injectable } from '@nestjs/common';
import { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { FieldProblem, likePattern, ListPage, ListQuery } from '@kassa/shared';
import { StoresService } from '@kassa/stores';
import { hashCloudPrntToken, newCloudPrntToken } from '../cloudprnt/cloudprnt-token';
import { CreatePrinterDto, PrinterResponse, UpdatePrinterDto } from '../dto/printer.dto';
import { PrintJob } from '../entities/print-job.entity';
import { COLUMNS_OF_PAPER, Printer } from '../entities/printer.entity';
import { Station } from '../entities/station.entity';
import { StationWelcome } from '../gateway/station-welcome';
import { AfterCommit } from '../jobs/after-commit';
import { QueueLengths } from '../jobs/queue-lengths';
import { PrintingError, PrintingErrorCode } from '../printing.errors';
import { codepageSupported } from '../render/escpos.encoder';

/** Printers of the caller's stores. A change reaches the station's agent as a fresh `welcome`. */
@Injectable()
export class PrintersService {
  constructor(
    private readonly em: EntityManager,
    private readonly stores: StoresService,
    private readonly queues: QueueLengths,
    private readonly welcome: StationWelcome,
    private readonly afterCommit: AfterCommit,
  ) {}

  async list(query: ListQuery): Promise<ListPage<PrinterResponse>> {
    const { id, storeId, stationId, role, connection, q } = query.filter as {
      id?: string[];
      storeId?: string[];
      stationId?: string[];
      role?: string;
      connection?: string;
      q?: string;
    };
    const where: FilterQuery<Printer> = {
      ...(id ? { id: { $in: id } } : {}),
      ...(storeId ? { storeId: { $in: storeId } } : {}),
      ...(stationId ? { stationId: { $in: stationId } } : {}),
      ...(role ? { roles: { $contains: [role] } } : {}),
      ...(connection ? { connection: connection as Printer['connection'] } : {}),
      ...(q ? { name: { $ilike: likePattern(q) } } : {}),
    };
    const [printers, total] = await this.em.findAndCount(Printer, where, {
      orderBy: [{ [query.sort.field]: query.sort.order }, { id: 'ASC' }],
      limit: query.limit,
      offset: query.offset,
    });
    return { items: await this.views(printers), total, offset: query.offset };
  }

  async get(id: string): Promise<PrinterResponse> {
    return (await this.views([await this.load(id)]))[0];
  }

  /** A CloudPRNT printer comes with its token (shown once): the secret part of the URL it polls. */
  async create(input: CreatePrinterDto): Promise<{ printer: PrinterResponse; cloudprntToken: string | null }> {
    const printer = new Printer();
    const paperWidth = input.paperWidth ?? 80;
    const connection = input.connection ?? 'agent';
    Object.assign(printer, {
      stationId: input.stationId ?? null,
      name: input.name.trim(),
      roles: [...input.roles],
      categoryIds: [...(input.categoryIds ?? [])],
      paperWidth,
      columns: input.columns ?? COLUMNS_OF_PAPER[paperWidth][0],
      // Star's CloudPRNT printers speak StarPRNT.
      language: input.language ?? (connection === 'cloudprnt' ? 'starprnt' : 'escpos'),
      codepage: input.codepage ?? 'cp865',
      cashDrawer: input.cashDrawer ?? false,
      connection,
      fallbackPrinterId: input.fallbackPrinterId ?? null,
      createdAt: new Date(),
    });
    printer.storeId = await this.check(printer, input.storeId);
    const cloudprntToken = connection === 'cloudprnt' ? issueCloudPrntToken(printer) : null;
    this.em.persist(printer);
    this.announce(printer.stationId);
    return { printer: (await this.views([printer]))[0], cloudprntToken };
  }

  /** A new CloudPRNT token; the old URL stops working when this commits. */
  async rotateCloudPrntToken(id: string): Promise<string> {
    const printer = await this.load(id);
    if (printer.connection !== 'cloudprnt') {
      throw new PrintingError(PrintingErrorCode.NOT_CLOUDPRNT, `Printer ${printer.name} is driven by a station, which has the token`, [
        { field: 'connection', reason: 'must be cloudprnt' },
      ]);
    }
    return issueCloudPrntToken(printer);
  }

  async update(id: string, input: UpdatePrinterDto): Promise<PrinterResponse> {
    const printer = await this.load(id);
    const stationBefore = printer.stationId;
    const paperChanged = input.paperWidth !== undefined && input.paperWidth !== printer.paperWidth;
    const fields = ['stationId', 'name', 'roles', 'categoryIds', 'paperWidth', 'columns', 'language', 'codepage', 'cashDrawer', 'connection', 'fallbackPrinterId'] as const;
    for (const field of fields) {
      const value = input[field];
      if (value !== undefined) Object.assign(printer, { [field]: typeof value === 'string' && field === 'name' ? value.trim() : value });
    }
    // A new paper width without columns takes that width's usual columns.
    if (paperChanged && input.columns === undefined) printer.columns = COLUMNS_OF_PAPER[printer.paperWidth][0];
    if (input.connection === 'cloudprnt' && input.stationId === undefined) printer.stationId = null;
    // A printer moved to a station forgets its CloudPRNT URL; one moved to CloudPRNT gets a URL from rotate-token.
    if (printer.connection === 'agent') Object.assign(printer, { cloudprntTokenHash: null, cloudprntTokenHint: null });
    await this.check(printer, printer.storeId);
    this.announce(stationBefore);
    if (printer.stationId !== stationBefore) this.announce(printer.stationId);
    return (await this.views([printer]))[0];
  }

  /** Only a printer with nothing left to print goes; re-route its jobs first. */
  async remove(id: string): Promise<PrinterResponse> {
    const printer = await this.load(id);
    const waiting = await this.em.count(PrintJob, { printerId: printer.id, status: { $ne: 'printed' } });
    if (waiting > 0) {
      throw new PrintingError(
        PrintingErrorCode.PRINTER_HAS_JOBS,
        `Printer ${printer.name} still has ${waiting} job(s) to print; re-route or finish them first`,
        [{ field: 'id', reason: `has ${waiting} unprinted job(s)` }],
      );
    }
    const view = (await this.views([printer]))[0];
    await this.em.nativeUpdate(Printer, { fallbackPrinterId: printer.id }, { fallbackPrinterId: null });
    this.em.remove(printer);
    this.announce(printer.stationId);
    return view;
  }

  async load(id: string): Promise<Printer> {
    const printer = await this.em.findOne(Printer, { id });
    if (!printer) throw PrintingError.notFound(PrintingErrorCode.PRINTER_NOT_FOUND, 'Printer', id);
    return printer;
  }

  /** Checks a printer as a whole and answers its store (from its station when not given). */
  private async check(printer: Printer, storeId: string | undefined): Promise<string> {
    const problems: FieldProblem[] = [];
    let store = storeId;
    if (printer.connection === 'agent') {
      if (!printer.stationId) problems.push({ field: 'stationId', reason: 'is required for a printer driven by a station' });
      else {
        const station = await this.em.findOne(Station, { id: printer.stationId });
        if (!station) problems.push({ field: 'stationId', reason: 'is not one of your stations' });
        else if (store && station.storeId !== store) problems.push({ field: 'stationId', reason: 'is a station of another store' });
        else store = station.storeId;
      }
    } else if (printer.stationId) {
      problems.push({ field: 'stationId', reason: 'must be empty for a CloudPRNT printer, which polls the server itself' });
    }
    if (!store) problems.push({ field: 'storeId', reason: 'is required when there is no station' });
    if (printer.roles.length === 0) problems.push({ field: 'roles', reason: 'must hold receipt, kitchen or both' });
    if (!COLUMNS_OF_PAPER[printer.paperWidth].includes(printer.columns)) {
      problems.push({ field: 'columns', reason: `must be ${COLUMNS_OF_PAPER[printer.paperWidth].join(' or ')} for ${printer.paperWidth} mm paper` });
    }
    if (printer.connection === 'cloudprnt' && printer.language !== 'starprnt') problems.push({ field: 'language', reason: 'must be starprnt for a CloudPRNT printer' });
    if (!codepageSupported(printer.language, printer.codepage)) problems.push({ field: 'codepage', reason: `is not available in ${printer.language}` });
    if (printer.fallbackPrinterId) {
      const fallback = await this.em.findOne(Printer, { id: printer.fallbackPrinterId });
      if (printer.fallbackPrinterId === printer.id) problems.push({ field: 'fallbackPrinterId', reason: 'cannot be the printer itself' });
      else if (!fallback || fallback.storeId !== store) problems.push({ field: 'fallbackPrinterId', reason: 'is not a printer of the same store' });
    }
    if (problems.length > 0) throw PrintingError.invalidPrinter(problems);
    if (store && !printer.storeId) await this.stores.get(store);
    return store as string;
  }

  private announce(stationId: string | null): void {
    if (stationId) this.afterCommit.add(() => this.welcome.resend(stationId));
  }

  private async views(printers: readonly Printer[]): Promise<PrinterResponse[]> {
    const queues = await this.queues.of(printers.map((p) => p.id));
    return printers.map((p) => ({
      id: p.id,
      storeId: p.storeId,
      stationId: p.stationId,
      name: p.name,
      roles: [...p.roles],
      categoryIds: [...p.categoryIds],
      paperWidth: p.paperWidth,
      columns: p.columns,
      language: p.language,
      codepage: p.codepage,
      cashDrawer: p.cashDrawer,
      connection: p.connection,
      cloudprntTokenHint: p.cloudprntTokenHint,
      fallbackPrinterId: p.fallbackPrinterId,
      online: p.online,
      lastError: p.lastError,
      lastSeenAt: p.lastSeenAt,
      queueLength: queues.get(p.id) ?? 0,
    }));
  }
}

function issueCloudPrntToken(printer: Printer): string {
  const token = newCloudPrntToken();
  Object.assign(printer, { cloudprntTokenHash: hashCloudPrntToken(token), cloudprntTokenHint: token.slice(-4) });
  return token;
}
