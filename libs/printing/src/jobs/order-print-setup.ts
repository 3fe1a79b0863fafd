import type { EntityManager } from '@mikro-orm/postgresql';
import type { StoreResponse } from '@kassa/stores';
import type { Printer } from '../entities/printer.entity';

/** What making an order's jobs needs of a printer. */
export type JobPrinter = Pick<Printer, 'id' | 'storeId' | 'name' | 'roles' | 'categoryIds' | 'columns' | 'language' | 'codepage' | 'cashDrawer' | 'online'>;

/** What a receipt or kitchen ticket shows of the store. */
export type PrintedStore = Pick<StoreResponse, 'name' | 'organisationNumber' | 'addressLine1' | 'addressLine2' | 'postalCode' | 'city' | 'timezone' | 'locale'>;

export interface OrderPrintSetup {
  /** The order already has its receipts and kitchen tickets (an earlier delivery of the event). */
  readonly printed: boolean;
  /** The store's printers, oldest first. */
  readonly printers: readonly JobPrinter[];
  /** Null when the store does not exist. */
  readonly store: PrintedStore | null;
  readonly receiptFooter: string | null;
  /** The store's next receipt number, taken when the order is not printed yet and a printer prints receipts; else null. */
  readonly receiptNumber: number | null;
}

/**
 * Everything about the store that making an order's jobs needs, in one statement (one round trip
 * of a paid order's path to paper instead of five), called after the order's advisory lock, so
 * `printed` sees what an earlier delivery committed: whether the order is printed already, the
 * store's printers, the store's receipt header (straight from the stores lib's `store` table, the
 * columns `PrintedStore` names: StoresService would be a statement of its own), the receipt
 * footer, and the next gapless receipt number. The counter row stays locked until the caller
 * commits, and a number is taken only when a receipt will be made with it, so numbers never skip.
 * Raw SQL: not narrowed to a caller's stores; its caller works unscoped, from the outbox.
 */
export async function orderPrintSetup(em: EntityManager, orderId: string, storeId: string): Promise<OrderPrintSetup> {
  const [row] = await em.execute<Array<{ printed: boolean; printers: JobPrinter[]; store: PrintedStore | null; receipt_footer: string | null; receipt_number: number | null }>>(
    `with printed as (
       select exists (select 1 from print_job j where j.order_id = ? and not j.copy and j.kind in ('receipt', 'kitchen')) as printed
     ), receipt as (
       insert into receipt_number (store_id, last)
       select ?, 1 from printed
        where not printed.printed and exists (select 1 from printer p where p.store_id = ? and 'receipt' = any(p.roles))
       on conflict (store_id) do update set last = receipt_number.last + 1
       returning last
     )
     select printed.printed,
            (select last from receipt) as receipt_number,
            coalesce((select json_agg(json_build_object('id', p.id, 'storeId', p.store_id, 'name', p.name, 'roles', p.roles,
                                                        'categoryIds', p.category_ids, 'columns', p.columns, 'language', p.language,
                                                        'codepage', p.codepage, 'cashDrawer', p.cash_drawer, 'online', p.online)
                                      order by p.created_at, p.id)
                        from printer p where p.store_id = ?), '[]') as printers,
            (select json_build_object('name', s.name, 'organisationNumber', s.organisation_number, 'addressLine1', s.address_line1,
                                      'addressLine2', s.address_line2, 'postalCode', s.postal_code, 'city', s.city,
                                      'timezone', s.timezone, 'locale', s.locale)
               from store s where s.id = ?) as store,
            (select receipt_footer from print_settings where store_id = ?) as receipt_footer
       from printed`,
    [orderId, storeId, storeId, storeId, storeId, storeId],
  );
  return {
    printed: row.printed,
    printers: row.printers,
    store: row.store,
    receiptFooter: row.receipt_footer,
    receiptNumber: row.receipt_number === null ? null : Number(row.receipt_number),
  };
}
