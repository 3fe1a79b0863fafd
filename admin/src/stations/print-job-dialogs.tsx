import { useEffect, useState } from 'react';
import { useDataProvider, useGetList, useTranslate } from 'react-admin';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import type { KassaDataProvider } from '../data/data-provider';
import type { Printer, PrintJob, PrintJobPreview } from '../types';

type PreviewState = { state: 'loading' } | { state: 'ready'; preview: PrintJobPreview } | { state: 'failed'; message: string };

/**
 * The job as it comes out of the printer: the API's HTML picture of the paper in a sandboxed frame
 * (no scripts, no access to the console) and the plain text beside it.
 */
export const PrintJobPreviewDialog = ({ job, onClose }: { job: PrintJob; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KassaDataProvider>();
  const [preview, setPreview] = useState<PreviewState>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    dataProvider.previewPrintJob({ id: job.id }).then(
      (answer) => current && setPreview({ state: 'ready', preview: answer }),
      (error: unknown) => current && setPreview({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [dataProvider, job.id]);
  const title = translate('kassa.print_jobs.preview.title', { sequence: job.sequence, printer: job.printerName ?? '–' });
  return (
    <Dialog open onClose={onClose} aria-labelledby="print-job-preview-title" fullWidth maxWidth="md">
      <DialogTitle id="print-job-preview-title">{title}</DialogTitle>
      <DialogContent>
        {preview.state === 'loading' && <LinearProgress />}
        {preview.state === 'failed' && <Alert severity="error">{translate(preview.message, { _: preview.message })}</Alert>}
        {preview.state === 'ready' && (
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2, alignItems: 'start' }}>
            <Box component="section" aria-label={translate('kassa.print_jobs.preview.paper')}>
              <Typography variant="subtitle2" component="h3" gutterBottom>
                {translate('kassa.print_jobs.preview.paper')}
              </Typography>
              <Box
                component="iframe"
                title={translate('kassa.print_jobs.preview.paper')}
                sandbox=""
                srcDoc={preview.preview.html}
                sx={{ width: '100%', height: 520, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: '#fff' }}
              />
            </Box>
            <Box component="section" aria-label={translate('kassa.print_jobs.preview.text')}>
              <Typography variant="subtitle2" component="h3" gutterBottom>
                {translate('kassa.print_jobs.preview.text')}
              </Typography>
              <Box
                component="pre"
                className="print-job-text"
                sx={{
                  m: 0,
                  p: 1.5,
                  maxHeight: 520,
                  overflow: 'auto',
                  fontFamily: 'monospace',
                  fontSize: '0.8rem',
                  lineHeight: 1.35,
                  border: 1,
                  borderColor: 'divider',
                  borderRadius: 1,
                  whiteSpace: 'pre',
                }}
              >
                {preview.preview.text}
              </Box>
            </Box>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};

/** Moves a job to another printer of its store. */
export const RerouteDialog = ({
  job,
  busy,
  onReroute,
  onClose,
}: {
  job: PrintJob;
  busy: boolean;
  onReroute: (printerId: string) => void;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const { data: printers } = useGetList<Printer>('printers', {
    filter: { storeId: job.storeId },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
  });
  const others = (printers ?? []).filter((printer) => printer.id !== job.printerId);
  const [printerId, setPrinterId] = useState('');
  return (
    <Dialog open onClose={onClose} aria-labelledby="print-job-reroute-title" fullWidth maxWidth="xs">
      <DialogTitle id="print-job-reroute-title">
        {translate('kassa.print_jobs.reroute.title', { sequence: job.sequence, printer: job.printerName ?? '–' })}
      </DialogTitle>
      <DialogContent>
        {printers !== undefined && others.length === 0 ? (
          <Alert severity="info">{translate('kassa.print_jobs.reroute.no_other')}</Alert>
        ) : (
          <TextField
            select
            fullWidth
            margin="dense"
            label={translate('kassa.print_jobs.reroute.printer')}
            value={printerId}
            onChange={(event) => setPrinterId(event.target.value)}
          >
            {others.map((printer) => (
              <MenuItem key={printer.id} value={printer.id}>
                {`${printer.name} · ${translate(printer.online ? 'kassa.stations.status.online' : 'kassa.stations.status.offline')}`}
              </MenuItem>
            ))}
          </TextField>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" disabled={busy || printerId === ''} onClick={() => onReroute(printerId)}>
          {translate('kassa.print_jobs.reroute.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
