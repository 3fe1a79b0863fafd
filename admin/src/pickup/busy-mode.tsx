import { useGetOne, useNotify, useTranslate, useUpdate } from 'react-admin';
import { Alert, Box, FormControlLabel, MenuItem, Paper, Switch, TextField, Typography } from '@mui/material';
import type { BusyMode } from '../types';

const DELAYS = [0, 15, 30, 45, 60];

/** Pause online orders or push pickups back; any staff member may (the API decides). */
export const BusyModeControl = ({ storeId }: { storeId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { data: busy } = useGetOne<BusyMode & { id: string }>('busy-mode', { id: storeId }, { refetchInterval: 30_000 });
  const [update, { isPending }] = useUpdate<BusyMode & { id: string }>();
  const change = (next: Pick<BusyMode, 'paused' | 'delayMinutes'>) => {
    if (!busy) return;
    void update(
      'busy-mode',
      { id: storeId, data: next, previousData: busy },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => notify('kassa.pickup.busy.saved', { type: 'info' }),
        onError: (error) => notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' }),
      },
    );
  };
  // A delay set elsewhere (a station may go past an hour) stays choosable.
  const delays = busy && !DELAYS.includes(busy.delayMinutes) ? [...DELAYS, busy.delayMinutes].sort((a, b) => a - b) : DELAYS;
  return (
    <Paper variant="outlined" component="section" aria-label={translate('kassa.pickup.busy.title')} sx={{ p: 2, mb: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 3, flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {translate('kassa.pickup.busy.title')}
        </Typography>
        <FormControlLabel
          control={
            <Switch
              color="error"
              checked={busy?.paused ?? false}
              disabled={!busy || isPending}
              onChange={(event) => change({ paused: event.target.checked, delayMinutes: busy?.delayMinutes ?? 0 })}
            />
          }
          label={translate('kassa.pickup.busy.pause')}
        />
        <TextField
          select
          size="small"
          label={translate('kassa.pickup.busy.delay')}
          value={busy?.delayMinutes ?? 0}
          disabled={!busy || isPending}
          onChange={(event) => change({ paused: busy?.paused ?? false, delayMinutes: Number(event.target.value) })}
          fullWidth={false}
          sx={{ minWidth: 160 }}
        >
          {delays.map((minutes) => (
            <MenuItem key={minutes} value={minutes}>
              {minutes === 0 ? translate('kassa.pickup.busy.no_delay') : translate('kassa.pickup.busy.delay_value', { minutes })}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      {busy?.paused && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {translate('kassa.pickup.busy.paused_note')}
        </Alert>
      )}
    </Paper>
  );
};
