import { useState } from 'react';
import {
  Create,
  CreateButton,
  DataTable,
  Edit,
  List,
  ListButton,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TopToolbar,
  useCreatePath,
  useDataProvider,
  useNotify,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { Button } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import ListAltIcon from '@mui/icons-material/ListAlt';
import { canEditPrinting } from '../auth/roles';
import type { KassaDataProvider } from '../data/data-provider';
import { StoreScoped, useCurrentStore } from '../stores';
import type { Printer, Role } from '../types';
import { PrinterRolesField, PrinterStatusField } from './printer-fields';
import { PrinterForm, toPrinterInput } from './printer-form';

const PrinterListActions = () => {
  const { permissions } = usePermissions<Role>();
  return <TopToolbar>{canEditPrinting(permissions) && <CreateButton />}</TopToolbar>;
};

const printerFilters = (storeId: string) => [
  <ReferenceInput key="stationId" source="stationId" reference="stations" filter={{ storeId }} sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

/** The current store's printers, their station, what they print and how they are doing. */
export const PrinterList = () => {
  const { permissions } = usePermissions<Role>();
  return (
    <StoreScoped>
      {(storeId) => (
        <List
          key={storeId}
          resource="printers"
          filter={{ storeId }}
          filters={printerFilters(storeId)}
          sort={{ field: 'name', order: 'ASC' }}
          perPage={50}
          actions={<PrinterListActions />}
          queryOptions={{ refetchInterval: 10_000 }}
          exporter={false}
        >
          <DataTable<Printer> rowClick={canEditPrinting(permissions) ? 'edit' : false} bulkActionButtons={false}>
            <DataTable.Col source="name" />
            <DataTable.Col source="stationId" disableSort>
              <ReferenceField source="stationId" reference="stations" link={false} emptyText="–" />
            </DataTable.Col>
            <DataTable.Col source="roles" disableSort render={(printer: Printer) => <PrinterRolesField printer={printer} />} />
            <DataTable.Col source="paperWidth" disableSort render={(printer: Printer) => `${printer.paperWidth} mm · ${printer.columns}`} />
            <DataTable.Col
              source="connection"
              disableSort
              render={(printer: Printer) => <ConnectionText printer={printer} />}
            />
            <DataTable.Col source="online" disableSort render={(printer: Printer) => <PrinterStatusField printer={printer} />} />
          </DataTable>
        </List>
      )}
    </StoreScoped>
  );
};

const ConnectionText = ({ printer }: { printer: Printer }) => {
  const translate = useTranslate();
  return (
    <>{`${translate(`kassa.printers.connections.${printer.connection}`)} · ${translate(`kassa.printers.languages.${printer.language}`)}`}</>
  );
};

/** Queues a test page (with å, ä and ö) on the printer. */
export const TestPrintButton = ({ printer }: { printer: Printer }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<KassaDataProvider>();
  const [busy, setBusy] = useState(false);
  const print = async () => {
    setBusy(true);
    try {
      await dataProvider.testPrint({ printerId: printer.id });
      notify('kassa.printers.test_print.done', { type: 'info', messageArgs: { name: printer.name } });
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button startIcon={<PrintIcon />} disabled={busy} onClick={() => void print()}>
      {translate('kassa.printers.test_print.button')}
    </Button>
  );
};

const PrinterEditActions = () => {
  const printer = useRecordContext<Printer>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!printer) return <TopToolbar />;
  const jobs = `${createPath({ resource: 'print-jobs', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify({ printerId: printer.id }))}`;
  return (
    <TopToolbar sx={{ gap: 1 }}>
      <TestPrintButton printer={printer} />
      <Button component={Link} to={jobs} startIcon={<ListAltIcon />}>
        {translate('kassa.printers.jobs')}
      </Button>
      <ListButton />
    </TopToolbar>
  );
};

const PrinterTitle = () => {
  const printer = useRecordContext<Printer>();
  const translate = useTranslate();
  return <>{printer ? translate('kassa.printers.edit_title', { name: printer.name }) : ''}</>;
};

export const PrinterEdit = () => {
  const { storeId } = useCurrentStore();
  return (
    <Edit title={<PrinterTitle />} actions={<PrinterEditActions />} mutationMode="pessimistic" transform={toPrinterInput} redirect={false}>
      <PrinterEditForm fallbackStoreId={storeId} />
    </Edit>
  );
};

/** The form works on the printer's own store (not the one picked elsewhere). */
const PrinterEditForm = ({ fallbackStoreId }: { fallbackStoreId: string | undefined }) => {
  const printer = useRecordContext<Printer>();
  const storeId = printer?.storeId ?? fallbackStoreId;
  return storeId ? <PrinterForm storeId={storeId} /> : null;
};

/** Adds a printer to the current store (from a station's page: to that station). */
export const PrinterCreate = () => (
  <StoreScoped>
    {(storeId) => (
      <Create resource="printers" transform={(data: Partial<Printer>) => ({ storeId, ...toPrinterInput(data) })} redirect="edit">
        <PrinterForm storeId={storeId} isNew />
      </Create>
    )}
  </StoreScoped>
);
