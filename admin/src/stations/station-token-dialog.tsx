import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, TextField, Tooltip, Typography } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';

/** The command that starts the station agent with this token against this server. */
export const stationCommand = (origin: string, token: string): string => `npm run station -- --server ${origin} --token ${token}`;

// navigator.clipboard exists only in secure contexts; a console on a shop's LAN is often plain HTTP.
const copyText = async (text: string): Promise<boolean> => {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the old way
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  return copied;
};

const CopyableText = ({ label, text, copyLabel }: { label: string; text: string; copyLabel: string }) => {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  return (
    <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
      <TextField
        label={label}
        value={text}
        fullWidth
        multiline
        slotProps={{
          input: { readOnly: true },
          htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', wordBreak: 'break-all' } },
        }}
        onFocus={(event) => event.target.select()}
      />
      <Tooltip title={copied ? translate('kassa.stations.token.copied') : copyLabel}>
        <IconButton aria-label={copyLabel} onClick={() => void copyText(text).then(setCopied)} sx={{ mt: 1 }}>
          <ContentCopyIcon />
        </IconButton>
      </Tooltip>
    </Box>
  );
};

/**
 * Shows a station's device token the one time the API gives it out, with a copy button and the
 * command that starts the agent with it.
 */
export const StationTokenDialog = ({ stationName, token, onClose }: { stationName: string; token: string; onClose: () => void }) => {
  const translate = useTranslate();
  return (
    <Dialog open aria-labelledby="station-token-title" fullWidth maxWidth="sm">
      <DialogTitle id="station-token-title">{translate('kassa.stations.token.title', { name: stationName })}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Alert severity="warning">{translate('kassa.stations.token.once')}</Alert>
        <CopyableText label={translate('kassa.stations.token.label')} text={token} copyLabel={translate('kassa.stations.token.copy')} />
        <Typography variant="body2" color="text.secondary">
          {translate('kassa.stations.token.hint')}
        </Typography>
        <CopyableText
          label={translate('kassa.stations.token.command')}
          text={stationCommand(window.location.origin, token)}
          copyLabel={translate('kassa.stations.token.copy_command')}
        />
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {translate('kassa.stations.token.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * Shows a CloudPRNT printer's server URL the one time the API gives it out (on creation or a new
 * URL): the address to enter in the printer's CloudPRNT settings, with a copy button.
 */
export const CloudPrntUrlDialog = ({ printerName, url, onClose }: { printerName: string; url: string; onClose: () => void }) => {
  const translate = useTranslate();
  return (
    <Dialog open aria-labelledby="cloudprnt-url-title" fullWidth maxWidth="sm">
      <DialogTitle id="cloudprnt-url-title">{translate('kassa.printers.cloudprnt.title', { name: printerName })}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Alert severity="warning">{translate('kassa.printers.cloudprnt.once')}</Alert>
        <CopyableText label={translate('kassa.printers.cloudprnt.label')} text={url} copyLabel={translate('kassa.printers.cloudprnt.copy')} />
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {translate('kassa.stations.token.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
