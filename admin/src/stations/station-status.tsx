import { useLocale, useTranslate } from 'react-admin';
import { Box, Chip, Stack, Typography } from '@mui/material';
import type { Station, StationPrinterStatus } from '../types';
import { printerErrorText } from './printing-choices';

const intlLocale = (locale: string) => (locale === 'sv' ? 'sv-SE' : 'en-GB');

/** "14:31" today, "24 nov. 14:31" on another day; in the browser's time zone (the station's clock is the shop's). */
export const lastSeen = (instant: string | null, locale: string): string | null => {
  if (instant === null) return null;
  const date = new Date(instant);
  const sameDay = date.toDateString() === new Date().toDateString();
  return new Intl.DateTimeFormat(intlLocale(locale), {
    ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
};

/** Online, offline or revoked. */
export const StationStatusChip = ({ station }: { station: Pick<Station, 'connected' | 'revoked'> }) => {
  const translate = useTranslate();
  const status = station.revoked ? 'revoked' : station.connected ? 'online' : 'offline';
  return (
    <Chip
      size="small"
      color={status === 'online' ? 'success' : status === 'revoked' ? 'default' : 'error'}
      variant={status === 'revoked' ? 'outlined' : 'filled'}
      label={translate(`kassa.stations.status.${status}`)}
      data-status={status}
      className="station-status"
    />
  );
};

export const LastSeen = ({ instant }: { instant: string | null }) => {
  const translate = useTranslate();
  const locale = useLocale();
  return (
    <Box component="span" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {lastSeen(instant, locale) ?? translate('kassa.stations.never_seen')}
    </Box>
  );
};

/** One printer: online or not, its queue and its last error. */
export const PrinterStatusLine = ({ printer }: { printer: StationPrinterStatus }) => {
  const translate = useTranslate();
  return (
    <Box className="printer-status" data-printer-id={printer.id} sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <Chip
        size="small"
        variant="outlined"
        color={printer.online ? 'success' : 'error'}
        label={`${printer.name} · ${translate(printer.online ? 'kassa.stations.status.online' : 'kassa.stations.status.offline')}`}
      />
      <Typography variant="body2" component="span" color="text.secondary">
        {translate('kassa.stations.queue', { smart_count: printer.queueLength })}
      </Typography>
      {!printer.online && printerErrorText(translate, printer.lastError) && (
        <Typography variant="body2" component="span" color="error">
          {printerErrorText(translate, printer.lastError)}
        </Typography>
      )}
    </Box>
  );
};

export const PrinterStatusList = ({ printers }: { printers: StationPrinterStatus[] }) => {
  const translate = useTranslate();
  if (printers.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('kassa.stations.no_printers')}
      </Typography>
    );
  }
  return (
    <Stack spacing={0.5}>
      {printers.map((printer) => (
        <PrinterStatusLine key={printer.id} printer={printer} />
      ))}
    </Stack>
  );
};
