import { CreateButton, DataTable, List, TopToolbar, useListContext, usePermissions, useTranslate } from 'react-admin';
import { Box, Chip, Typography } from '@mui/material';
import { canEditPrinting } from '../auth/roles';
import { StoreScoped } from '../stores';
import type { Role, Station } from '../types';
import { useCoalesced, useStoreEvents } from './station-socket';
import { LastSeen, PrinterStatusList, StationStatusChip } from './station-status';

/** Stations report every few seconds; the list follows even without the socket. */
export const STATIONS_REFRESH_MS = 10_000;

/** Status reports closer together than this cost one request. */
const STATUS_COALESCE_MS = 500;

/** Reads the list again whenever a station or printer of the store reports a change. */
const LiveRefresh = ({ storeId }: { storeId: string }) => {
  const { refetch } = useListContext<Station>();
  const translate = useTranslate();
  const refetchSoon = useCoalesced(() => void refetch(), STATUS_COALESCE_MS);
  const state = useStoreEvents(storeId, {
    stationStatus: refetchSoon,
    printerStatus: refetchSoon,
    connected: refetchSoon,
  });
  return (
    <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }}>
      {translate(state === 'live' ? 'kassa.stations.live' : 'kassa.stations.polling')}
    </Typography>
  );
};

const StationActions = () => {
  const { permissions } = usePermissions<Role>();
  return <TopToolbar>{canEditPrinting(permissions) && <CreateButton />}</TopToolbar>;
};

const TokenHint = ({ station }: { station: Station }) =>
  station.tokenHint ? (
    <Box component="span" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{`…${station.tokenHint}`}</Box>
  ) : null;

const NameCell = ({ station }: { station: Station }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      <span>{station.name}</span>
      {station.revoked && <Chip size="small" variant="outlined" label={translate('kassa.stations.status.revoked')} />}
    </Box>
  );
};

/** The current store's stations: online or not, last seen, and each printer's queue and last error. */
export const StationList = () => {
  const { permissions } = usePermissions<Role>();
  return (
    <StoreScoped>
      {(storeId) => (
        <List
          key={storeId}
          resource="stations"
          filter={{ storeId }}
          sort={{ field: 'name', order: 'ASC' }}
          perPage={50}
          actions={<StationActions />}
          queryOptions={{ refetchInterval: STATIONS_REFRESH_MS }}
          exporter={false}
          empty={false}
        >
          <DataTable<Station> rowClick={canEditPrinting(permissions) ? 'edit' : false} bulkActionButtons={false}>
            <DataTable.Col source="name" render={(station: Station) => <NameCell station={station} />} />
            <DataTable.Col source="connected" disableSort render={(station: Station) => <StationStatusChip station={station} />} />
            <DataTable.Col source="lastSeenAt" render={(station: Station) => <LastSeen instant={station.lastSeenAt} />} />
            <DataTable.Col
              source="printers"
              disableSort
              render={(station: Station) => <PrinterStatusList printers={station.printers ?? []} />}
            />
            <DataTable.Col source="tokenHint" disableSort render={(station: Station) => <TokenHint station={station} />} />
          </DataTable>
          <LiveRefresh storeId={storeId} />
        </List>
      )}
    </StoreScoped>
  );
};
