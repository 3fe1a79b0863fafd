import { useCurrentStore } from '../stores';

/**
 * Pickup exceptions and capacity rules live under the current store: the meta every call about
 * one of them carries (see the data provider), and whether the store is known yet.
 */
export const useStoreMeta = () => {
  const { storeId, stores } = useCurrentStore();
  const store = stores.find((candidate) => candidate.id === storeId);
  return { storeId, store, meta: { storeId }, ready: storeId !== undefined };
};
