import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { Box, Typography } from '@mui/material';
import { StorePicker, useCurrentStore, type CurrentStore } from './current-store';

/**
 * Stock and pickup live per store: renders a screen for the current store, with the store selector above
 * it (the choice is remembered), or a note when the user has no store.
 */
export const StoreScoped = ({ children }: { children: (storeId: string, current: CurrentStore) => ReactNode }) => {
  const current = useCurrentStore();
  const translate = useTranslate();
  if (current.storeId === undefined) {
    return (
      <Typography sx={{ p: 2 }} color="text.secondary">
        {current.isPending ? '' : translate('kassa.current_store.none')}
      </Typography>
    );
  }
  return (
    <>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', pt: 2 }}>
        <StorePicker current={current} />
      </Box>
      {children(current.storeId, current)}
    </>
  );
};
