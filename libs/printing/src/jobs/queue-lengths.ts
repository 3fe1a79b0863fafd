import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '@kassa/platform';

/** Jobs not printed yet, per printer: what the admin shows as a printer's queue. */
@Injectable()
export class QueueLengths {
  constructor(private readonly em: EntityManager) {}

  async of(printerIds: readonly string[]): Promise<Map<string, number>> {
    if (printerIds.length === 0) return new Map();
    const rows = await this.em.execute<Array<{ printer_id: string; n: string }>>(
      `select printer_id, count(*) as n from print_job where printer_id = any(?::uuid[]) and status <> 'printed' group by printer_id`,
      [uuidArray(printerIds)],
    );
    return new Map(rows.map((r) => [r.printer_id, Number(r.n)]));
  }
}
