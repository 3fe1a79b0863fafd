import { useTranslate } from 'react-admin';
import { Box, Chip, Typography } from '@mui/material';
import type { Printer } from '../types';
import { printerErrorText } from './printing-choices';

/** "Receipt, Kitchen". */
export const PrinterRolesField = ({ printer }: { printer: Pick<Printer, 'roles'> }) => {
  const translate = useTranslate();
  return <>{printer.roles.map((role) => translate(`kassa.printers.roles.${role}`)).join(', ')}</>;
};

/** Online or offline, the queue, and the last error the printer reported. */
export const PrinterStatusField = ({ printer }: { printer: Pick<Printer, 'online' | 'queueLength' | 'lastError'> }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <Chip
        size="small"
        color={printer.online ? 'success' : 'error'}
        label={translate(printer.online ? 'kassa.stations.status.online' : 'kassa.stations.status.offline')}
      />
      <Typography variant="body2" component="span" color="text.secondary">
        {translate('kassa.stations.queue', { smart_count: printer.queueLength ?? 0 })}
      </Typography>
      {!printer.online && printerErrorText(translate, printer.lastError) && (
        <Typography variant="body2" component="span" color="error">
          {printerErrorText(translate, printer.lastError)}
        </Typography>
      )}
    </Box>
  );
};
