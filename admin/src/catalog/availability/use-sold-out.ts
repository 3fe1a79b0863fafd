import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { KassaDataProvider } from '../../data/data-provider';

interface SoldOutParams {
  storeId: string;
  productId: string;
  soldOut: boolean;
}

/** The "86" button's call; afterwards the page reads the store's overrides again. */
export const useSoldOut = () => {
  const dataProvider = useDataProvider<KassaDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [pendingProductId, setPendingProductId] = useState<string | null>(null);

  const markSoldOut = async (params: SoldOutParams): Promise<void> => {
    setPendingProductId(params.productId);
    try {
      await dataProvider.markSoldOut(params);
      notify(params.soldOut ? 'kassa.availability.marked_sold_out' : 'kassa.availability.back_on_sale', { type: 'info' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setPendingProductId(null);
    }
  };

  return { markSoldOut, pendingProductId };
};
