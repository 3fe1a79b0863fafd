import { useState } from 'react';
import { useGetOne, useNotify, useTranslate, useUpdate } from 'react-admin';
import { Alert, Box, Button, Checkbox, FormControlLabel, FormGroup, Paper, Typography } from '@mui/material';
import type { StorePaymentMethods } from '../types';

type Record = StorePaymentMethods & { id: string };

/**
 * Which of this server's payment methods the store offers its customers. Only methods with a
 * provider configured on the server can be ticked; the API refuses anything else and names it.
 */
export const StorePaymentMethodsPanel = ({ storeId }: { storeId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { data } = useGetOne<Record>('store-payment-methods', { id: storeId });
  const [update, { isPending }] = useUpdate<Record>();
  const [draft, setDraft] = useState<string[] | null>(null);
  if (!data) return null;
  const enabled = draft ?? data.enabled;
  const toggle = (method: string, on: boolean) => {
    const next = on ? [...enabled, method] : enabled.filter((m) => m !== method);
    setDraft(data.available.filter((m) => next.includes(m)));
  };
  const save = () =>
    void update(
      'store-payment-methods',
      { id: storeId, data: { enabled }, previousData: data },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setDraft(null);
          notify('kassa.stores.payment_methods.saved', { type: 'info' });
        },
        onError: (error) => notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' }),
      },
    );
  const label = translate('kassa.stores.payment_methods.title');
  return (
    <Paper variant="outlined" component="section" aria-label={label} sx={{ p: 2, mt: 2 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        {label}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate(data.chosen ? 'kassa.stores.payment_methods.chosen' : 'kassa.stores.payment_methods.all')}
      </Typography>
      <FormGroup row>
        {data.available.map((method) => (
          <FormControlLabel
            key={method}
            control={<Checkbox checked={enabled.includes(method)} disabled={isPending} onChange={(event) => toggle(method, event.target.checked)} />}
            label={translate(`kassa.orders.payment_methods.${method}`, { _: method })}
          />
        ))}
      </FormGroup>
      {enabled.length === 0 && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {translate('kassa.stores.payment_methods.none')}
        </Alert>
      )}
      <Box>
        <Button variant="contained" size="small" onClick={save} disabled={isPending || draft === null || enabled.length === 0}>
          {translate('kassa.stores.payment_methods.save')}
        </Button>
      </Box>
    </Paper>
  );
};
