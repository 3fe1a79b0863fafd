export { PrintJobList } from './print-job-list';
export { PrintSettingsPage } from './print-settings';
export { PrinterCreate, PrinterEdit, PrinterList } from './printer-pages';
export { printerErrorText } from './printing-choices';
export { StationCreate } from './station-create';
export { StationEdit } from './station-edit';
export { StationList } from './station-list';
export { useCoalesced, useStoreEvents, type LiveState } from './station-socket';
