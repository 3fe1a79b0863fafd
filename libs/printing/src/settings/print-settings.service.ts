import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_HOLD_AFTER_MINUTES, PrintSettings } from '../entities/print-settings.entity';

export interface PrintSettingsValues {
  readonly receiptFooter: string | null;
  readonly holdAfterMinutes: number;
}

/** A store's receipt footer and how old a job may get before it is held; defaults until set. */
@Injectable()
export class PrintSettingsService {
  constructor(private readonly em: EntityManager) {}

  async of(storeId: string): Promise<PrintSettingsValues> {
    const row = await this.em.findOne(PrintSettings, { storeId });
    return { receiptFooter: row?.receiptFooter ?? null, holdAfterMinutes: row?.holdAfterMinutes ?? DEFAULT_HOLD_AFTER_MINUTES };
  }

  async update(storeId: string, input: Partial<PrintSettingsValues>): Promise<PrintSettingsValues> {
    let row = await this.em.findOne(PrintSettings, { storeId });
    if (!row) {
      row = this.em.create(PrintSettings, { storeId, receiptFooter: null, holdAfterMinutes: DEFAULT_HOLD_AFTER_MINUTES, updatedAt: new Date() });
    }
    if (input.receiptFooter !== undefined) row.receiptFooter = input.receiptFooter?.trim() ? input.receiptFooter.trim() : null;
    if (input.holdAfterMinutes !== undefined) row.holdAfterMinutes = input.holdAfterMinutes;
    row.updatedAt = new Date();
    this.em.persist(row);
    return { receiptFooter: row.receiptFooter, holdAfterMinutes: row.holdAfterMinutes };
  }
}
