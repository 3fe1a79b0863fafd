import { useState } from 'react';
import {
  Confirm,
  CreateButton,
  DataTable,
  Edit,
  ListButton,
  ReferenceManyField,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  TopToolbar,
  useDataProvider,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Box, Button, Stack, Typography } from '@mui/material';
import AutorenewIcon from '@mui/icons-material/Autorenew';
import BlockIcon from '@mui/icons-material/Block';
import type { KassaDataProvider } from '../data/data-provider';
import type { Printer, Station } from '../types';
import { stationNameRules } from './station-create';
import { LastSeen, StationStatusChip } from './station-status';
import { StationTokenDialog } from './station-token-dialog';
import { useConfirmedAction } from './use-confirmed-action';
import { PrinterRolesField, PrinterStatusField } from './printer-fields';

/** A new token, shown once; the station still running with the old one is cut off at once. */
const RotateTokenButton = ({ station }: { station: Station }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KassaDataProvider>();
  const [token, setToken] = useState<string | null>(null);
  const rotation = useConfirmedAction(async () => setToken((await dataProvider.rotateStationToken({ id: station.id })).token));
  return (
    <>
      <Button startIcon={<AutorenewIcon />} onClick={rotation.ask}>
        {translate('kassa.stations.rotate.button')}
      </Button>
      <Confirm
        isOpen={rotation.asking}
        loading={rotation.busy}
        title="kassa.stations.rotate.title"
        titleTranslateOptions={{ name: station.name }}
        content="kassa.stations.rotate.body"
        confirm="kassa.stations.rotate.confirm"
        confirmColor="warning"
        onConfirm={rotation.confirm}
        onClose={rotation.cancel}
      />
      {token !== null && <StationTokenDialog stationName={station.name} token={token} onClose={() => setToken(null)} />}
    </>
  );
};

/** Refuses the station's token for good: it is disconnected and cannot come back with it. */
const RevokeButton = ({ station }: { station: Station }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<KassaDataProvider>();
  const revocation = useConfirmedAction(async () => {
    await dataProvider.revokeStation({ id: station.id });
    notify('kassa.stations.revoke.done', { type: 'info', messageArgs: { name: station.name } });
  });
  return (
    <>
      <Button color="error" startIcon={<BlockIcon />} disabled={station.revoked} onClick={revocation.ask}>
        {translate('kassa.stations.revoke.button')}
      </Button>
      <Confirm
        isOpen={revocation.asking}
        loading={revocation.busy}
        title="kassa.stations.revoke.title"
        titleTranslateOptions={{ name: station.name }}
        content="kassa.stations.revoke.body"
        confirm="kassa.stations.revoke.confirm"
        confirmColor="warning"
        onConfirm={revocation.confirm}
        onClose={revocation.cancel}
      />
    </>
  );
};

const StationEditActions = () => {
  const station = useRecordContext<Station>();
  return (
    <TopToolbar sx={{ gap: 1 }}>
      {station && <RotateTokenButton station={station} />}
      {station && <RevokeButton station={station} />}
      <ListButton />
    </TopToolbar>
  );
};

const StationTitle = () => {
  const station = useRecordContext<Station>();
  const translate = useTranslate();
  return <>{station ? translate('kassa.stations.edit_title', { name: station.name }) : ''}</>;
};

const StationFacts = () => {
  const station = useRecordContext<Station>();
  const translate = useTranslate();
  if (!station) return null;
  return (
    <Stack direction="row" spacing={3} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
      <StationStatusChip station={station} />
      <Typography variant="body2">
        {translate('resources.stations.fields.lastSeenAt')}: <LastSeen instant={station.lastSeenAt} />
      </Typography>
      {station.tokenHint && (
        <Typography variant="body2">
          {translate('resources.stations.fields.tokenHint')}:{' '}
          <Box component="span" sx={{ fontFamily: 'monospace' }}>{`…${station.tokenHint}`}</Box>
        </Typography>
      )}
    </Stack>
  );
};

/** The station's printers, with a button that adds one to it. */
const StationPrinters = () => {
  const station = useRecordContext<Station>();
  const translate = useTranslate();
  if (!station) return null;
  return (
    <Box component="section" aria-label={translate('kassa.stations.printers')} sx={{ width: '100%', mt: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h6" component="h2">
          {translate('kassa.stations.printers')}
        </Typography>
        <CreateButton
          resource="printers"
          label="kassa.stations.add_printer"
          state={{ record: { stationId: station.id, storeId: station.storeId } }}
        />
      </Box>
      <ReferenceManyField<Station, Printer>
        reference="printers"
        target="stationId"
        filter={{ storeId: station.storeId }}
        sort={{ field: 'name', order: 'ASC' }}
        perPage={50}
        queryOptions={{ refetchInterval: 10_000 }}
      >
        <DataTable<Printer> rowClick="edit" bulkActionButtons={false} empty={<EmptyPrinters />}>
          <DataTable.Col source="name" disableSort />
          <DataTable.Col source="roles" disableSort render={(printer: Printer) => <PrinterRolesField printer={printer} />} />
          <DataTable.Col source="paperWidth" disableSort render={(printer: Printer) => `${printer.paperWidth} mm · ${printer.columns}`} />
          <DataTable.Col source="online" disableSort render={(printer: Printer) => <PrinterStatusField printer={printer} />} />
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
};

const EmptyPrinters = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
      {translate('kassa.stations.no_printers')}
    </Typography>
  );
};

const StationToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Renames a station, rotates or revokes its token, and lists its printers. */
export const StationEdit = () => (
  <Edit
    title={<StationTitle />}
    actions={<StationEditActions />}
    mutationMode="pessimistic"
    transform={(data: Partial<Station>) => ({ name: data.name?.trim() })}
    redirect={false}
  >
    <SimpleForm toolbar={<StationToolbar />} sx={{ maxWidth: 960 }}>
      <StationFacts />
      <TextInput source="name" validate={stationNameRules} fullWidth sx={{ maxWidth: 480 }} />
      <StationPrinters />
    </SimpleForm>
  </Edit>
);
