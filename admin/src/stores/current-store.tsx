import { useEffect } from 'react';
import { useGetList, useStore, useTranslate } from 'react-admin';
import { MenuItem, TextField } from '@mui/material';
import { readSession } from '../auth/session-store';
import type { Store } from '../types';

// Kept in react-admin's store: remembered across pages and reloads, forgotten at sign-out.
const CURRENT_STORE_KEY = 'kassa.currentStoreId';

export interface CurrentStore {
  storeId: string | undefined;
  stores: Store[];
  isPending: boolean;
  setStoreId: (storeId: string) => void;
}

/**
 * The store the stock and availability screens work on: the one picked last, else the signed-in
 * user's first store, else the first store the API lists.
 */
export const useCurrentStore = (): CurrentStore => {
  const [chosen, setStoreId] = useStore<string | undefined>(CURRENT_STORE_KEY);
  const { data, isPending } = useGetList<Store>('stores', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
  });
  const stores = data ?? [];
  const own = readSession()?.user.storeIds ?? [];
  const known = (id: string | undefined): id is string => id !== undefined && stores.some((store) => store.id === id);
  const storeId = known(chosen) ? chosen : (own.find(known) ?? stores[0]?.id);
  return { storeId, stores, isPending, setStoreId };
};

/** A store selector for the top of a per-store screen. */
export const StorePicker = ({ current }: { current: CurrentStore }) => {
  const translate = useTranslate();
  const { storeId, stores, setStoreId } = current;
  // Remembers the default, so the next screen opens on the same store.
  useEffect(() => {
    if (storeId !== undefined) setStoreId(storeId);
  }, [storeId, setStoreId]);
  if (stores.length === 0) return null;
  return (
    <TextField
      select
      size="small"
      label={translate('kassa.current_store.label')}
      value={storeId ?? ''}
      onChange={(event) => setStoreId(event.target.value)}
      fullWidth={false}
      sx={{ minWidth: 260, maxWidth: 400 }}
    >
      {stores.map((store) => (
        <MenuItem key={store.id} value={store.id}>
          {store.name}
        </MenuItem>
      ))}
    </TextField>
  );
};
