import { useState } from 'react';
import {
  Confirm,
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
  useRedirect,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { Button } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import ListAltIcon from '@mui/icons-material/ListAlt';
import AutorenewIcon from '@mui/icons-material/Autorenew';
import { canEditPrinting } from '../auth/roles';
import type { KassaDataProvider } from '../data/data-provider';
import { StoreScoped, useCurrentStore } from '../stores';
import type { CloudPrntAddress, Printer, Role } from '../types';
import { PrinterRolesField, PrinterStatusField } from './printer-fields';
import { PrinterForm, toPrinterInput } from './printer-form';
import { useConfirmedAction } from './use-confirmed-action';
import { CloudPrntUrlDialog } from './station-token-dialog';

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

/** A new CloudPRNT URL, shown once; the printer polling the old one gets nothing until it is changed. */
const RotateUrlButton = ({ printer }: { printer: Printer }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KassaDataProvider>();
  const [url, setUrl] = useState<string | null>(null);
  const rotation = useConfirmedAction(async () => setUrl((await dataProvider.rotatePrinterToken({ id: printer.id })).url));
  return (
    <>
      <Button startIcon={<AutorenewIcon />} onClick={rotation.ask}>
        {translate('kassa.printers.rotate.button')}
      </Button>
      <Confirm
        isOpen={rotation.asking}
        loading={rotation.busy}
        title="kassa.printers.rotate.title"
        titleTranslateOptions={{ name: printer.name }}
        content="kassa.printers.rotate.body"
        confirm="kassa.printers.rotate.confirm"
        confirmColor="warning"
        onConfirm={rotation.confirm}
        onClose={rotation.cancel}
      />
      {url !== null && <CloudPrntUrlDialog printerName={printer.name} url={url} onClose={() => setUrl(null)} />}
    </>
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
      {printer.connection === 'cloudprnt' && <RotateUrlButton printer={printer} />}
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

type CreatedPrinter = Printer & { cloudprnt?: CloudPrntAddress };

/**
 * Adds a printer to the current store (from a station's page: to that station). A CloudPRNT
 * printer's URL is shown this once, then the list; any other printer opens for editing.
 */
export const PrinterCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const [created, setCreated] = useState<(CreatedPrinter & { cloudprnt: CloudPrntAddress }) | null>(null);
  const onSuccess = (printer: CreatedPrinter) => {
    notify('ra.notification.created', { type: 'info', messageArgs: { smart_count: 1 } });
    if (printer.cloudprnt) setCreated({ ...printer, cloudprnt: printer.cloudprnt });
    else redirect('edit', 'printers', printer.id);
  };
  return (
    <StoreScoped>
      {(storeId) => (
        <>
          <Create<CreatedPrinter>
            resource="printers"
            transform={(data: Partial<Printer>) => ({ storeId, ...toPrinterInput(data) })}
            mutationOptions={{ onSuccess }}
            redirect={false}
          >
            <PrinterForm storeId={storeId} isNew />
          </Create>
          {created && <CloudPrntUrlDialog printerName={created.name} url={created.cloudprnt.url} onClose={() => redirect('list', 'printers')} />}
        </>
      )}
    </StoreScoped>
  );
};
