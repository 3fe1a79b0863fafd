import { useState, type ReactElement } from 'react';
import {
  Confirm,
  DataTable,
  List,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  useDataProvider,
  useLocale,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Box, Chip, IconButton, Tooltip } from '@mui/material';
import VisibilityIcon from '@mui/icons-material/Visibility';
import PrintIcon from '@mui/icons-material/Print';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import AltRouteIcon from '@mui/icons-material/AltRoute';
import type { KassaDataProvider } from '../data/data-provider';
import { StoreScoped } from '../stores';
import type { PrintJob } from '../types';
import { PrintJobPreviewDialog, RerouteDialog } from './print-job-dialogs';
import { printJobKindChoices, printJobStatusChoices, printJobStatusColour } from './printing-choices';
import { lastSeen } from './station-status';

/** Jobs move on within seconds while a station is connected. */
export const PRINT_JOBS_REFRESH_MS = 5_000;

const printJobFilters = (storeId: string) => [
  <SelectArrayInput key="status" source="status" choices={printJobStatusChoices} alwaysOn sx={{ minWidth: 200 }} />,
  <ReferenceInput key="printerId" source="printerId" reference="printers" filter={{ storeId }} sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="kind" source="kind" choices={printJobKindChoices} alwaysOn />,
];

export const PrintJobStatusChip = ({ job }: { job: Pick<PrintJob, 'status' | 'copy'> }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', gap: 0.5, alignItems: 'center' }}>
      <Chip
        size="small"
        color={printJobStatusColour[job.status] ?? 'default'}
        label={translate(`kassa.print_jobs.statuses.${job.status}`, { _: job.status })}
        data-status={job.status}
        className="print-job-status"
      />
      {job.copy && <Chip size="small" variant="outlined" label={translate('kassa.print_jobs.copy')} />}
    </Box>
  );
};

const Action = ({ label, icon, onClick, disabled }: { label: string; icon: ReactElement; onClick: () => void; disabled?: boolean }) => (
  <Tooltip title={label}>
    <span>
      <IconButton
        size="small"
        aria-label={label}
        disabled={disabled}
        onClick={(event) => {
          event.stopPropagation();
          onClick();
        }}
      >
        {icon}
      </IconButton>
    </span>
  </Tooltip>
);

/** Preview, reprint (a copy marked KOPIA), release a held job, reroute to another printer. */
const PrintJobActions = ({ job }: { job: PrintJob }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<KassaDataProvider>();
  const [dialog, setDialog] = useState<'preview' | 'reprint' | 'reroute' | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (call: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await call();
      notify(done, { type: 'info', messageArgs: { sequence: job.sequence } });
      setDialog(null);
    } catch (error) {
      // e.g. the API's 409 when a customer receipt already has its one copy.
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
      setDialog(null);
    } finally {
      setBusy(false);
      refresh();
    }
  };

  return (
    <Box sx={{ display: 'flex', whiteSpace: 'nowrap' }}>
      <Action label={translate('kassa.print_jobs.actions.preview')} icon={<VisibilityIcon fontSize="small" />} onClick={() => setDialog('preview')} />
      <Action
        label={translate('kassa.print_jobs.actions.reprint')}
        icon={<PrintIcon fontSize="small" />}
        disabled={busy}
        onClick={() => setDialog('reprint')}
      />
      {job.status === 'held' && (
        <Action
          label={translate('kassa.print_jobs.actions.release')}
          icon={<PlayArrowIcon fontSize="small" />}
          disabled={busy}
          onClick={() => void act(() => dataProvider.releasePrintJob({ id: job.id }), 'kassa.print_jobs.done.release')}
        />
      )}
      {job.status !== 'printed' && (
        <Action
          label={translate('kassa.print_jobs.actions.reroute')}
          icon={<AltRouteIcon fontSize="small" />}
          disabled={busy}
          onClick={() => setDialog('reroute')}
        />
      )}
      {dialog === 'preview' && <PrintJobPreviewDialog job={job} onClose={() => setDialog(null)} />}
      <Confirm
        isOpen={dialog === 'reprint'}
        loading={busy}
        title="kassa.print_jobs.reprint.title"
        titleTranslateOptions={{ sequence: job.sequence }}
        content={job.kind === 'receipt' ? 'kassa.print_jobs.reprint.body_receipt' : 'kassa.print_jobs.reprint.body'}
        confirm="kassa.print_jobs.actions.reprint"
        onConfirm={() => void act(() => dataProvider.reprintPrintJob({ id: job.id }), 'kassa.print_jobs.done.reprint')}
        onClose={() => setDialog(null)}
      />
      {dialog === 'reroute' && (
        <RerouteDialog
          job={job}
          busy={busy}
          onClose={() => setDialog(null)}
          onReroute={(printerId) => void act(() => dataProvider.reroutePrintJob({ id: job.id, printerId }), 'kassa.print_jobs.done.reroute')}
        />
      )}
    </Box>
  );
};

const CreatedCell = ({ job }: { job: PrintJob }) => {
  const locale = useLocale();
  return (
    <Box component="span" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {lastSeen(job.createdAt, locale)}
    </Box>
  );
};

const KindText = ({ job }: { job: PrintJob }) => {
  const translate = useTranslate();
  return <>{translate(`kassa.print_jobs.kinds.${job.kind}`, { _: job.kind })}</>;
};

/** The current store's print jobs, newest first: what was printed, what waits, what failed. */
export const PrintJobList = () => (
  <StoreScoped>
    {(storeId) => (
      <List
        key={storeId}
        resource="print-jobs"
        filter={{ storeId }}
        filters={printJobFilters(storeId)}
        sort={{ field: 'createdAt', order: 'DESC' }}
        perPage={50}
        queryOptions={{ refetchInterval: PRINT_JOBS_REFRESH_MS }}
        exporter={false}
        empty={false}
      >
        <DataTable<PrintJob> rowClick={false} bulkActionButtons={false}>
          <DataTable.Col source="createdAt" render={(job: PrintJob) => <CreatedCell job={job} />} />
          <DataTable.Col source="orderNumber" disableSort sx={{ fontWeight: 600 }} />
          <DataTable.Col source="printerName" disableSort />
          <DataTable.Col source="kind" disableSort render={(job: PrintJob) => <KindText job={job} />} />
          <DataTable.Col source="sequence" align="right" disableSort />
          <DataTable.Col source="status" disableSort render={(job: PrintJob) => <PrintJobStatusChip job={job} />} />
          <DataTable.Col source="attempts" align="right" disableSort />
          <DataTable.Col source="error" disableSort />
          <DataTable.Col label="kassa.print_jobs.actions.label" disableSort render={(job: PrintJob) => <PrintJobActions job={job} />} />
        </DataTable>
      </List>
    )}
  </StoreScoped>
);
