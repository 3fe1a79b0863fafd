import { Admin, CustomRoutes, Resource, radiantDarkTheme, radiantLightTheme } from 'react-admin';
import { Route } from 'react-router-dom';
import StorefrontIcon from '@mui/icons-material/Storefront';
import PeopleIcon from '@mui/icons-material/People';
import LocalCafeIcon from '@mui/icons-material/LocalCafe';
import CategoryIcon from '@mui/icons-material/Category';
import TuneIcon from '@mui/icons-material/Tune';
import StoreMallDirectoryIcon from '@mui/icons-material/StoreMallDirectory';
import InventoryIcon from '@mui/icons-material/Inventory';
import HistoryIcon from '@mui/icons-material/History';
import ShoppingCartIcon from '@mui/icons-material/ShoppingCart';
import ScaleIcon from '@mui/icons-material/Scale';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import SpeedIcon from '@mui/icons-material/Speed';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import PointOfSaleIcon from '@mui/icons-material/PointOfSale';
import PrintIcon from '@mui/icons-material/Print';
import QueueIcon from '@mui/icons-material/Queue';
import MarkEmailReadIcon from '@mui/icons-material/MarkEmailRead';
import EditNoteIcon from '@mui/icons-material/EditNote';
import { authProvider } from './auth/auth-provider';
import { OrderBoardPage } from './board';
import {
  canCreateStores,
  canEditCatalog,
  canEditNotifications,
  canEditPickup,
  canEditPrinting,
  canEditStock,
  canEditStores,
  canManageUsers,
} from './auth/roles';
import {
  CatalogImport,
  CategoryCreate,
  CategoryEdit,
  CategoryList,
  LocalizedName,
  ModifierGroupCreate,
  ModifierGroupEdit,
  ModifierGroupList,
  ProductCreate,
  ProductEdit,
  ProductList,
  ProductOverrideCreate,
  ProductOverrideEdit,
  StoreAvailability,
} from './catalog';
import { dataProvider } from './data/data-provider';
import { i18nProvider } from './i18n/i18n-provider';
import { KassaLayout } from './layout/kassa-layout';
import { LoginPage } from './layout/login-page';
import { NotificationList, NotificationSettingsPage, NotificationShow, TemplateEdit, TemplateList, TemplateShow } from './notifications';
import { OrderList, OrderShow } from './orders';
import { ReconciliationPage } from './reconciliation';
import {
  ReorderSuggestionList,
  StockItemCreate,
  StockItemEdit,
  StockItemList,
  StockLevelEdit,
  StockLevelList,
  StockMovementList,
} from './stock';
import {
  CapacityRuleCreate,
  CapacityRuleEdit,
  CapacityRuleList,
  PickupDayPage,
  PickupExceptionCreate,
  PickupExceptionEdit,
  PickupExceptionList,
  PickupSchedulePage,
} from './pickup';
import {
  PrinterCreate,
  PrinterEdit,
  PrinterList,
  PrintJobList,
  PrintSettingsPage,
  StationCreate,
  StationEdit,
  StationList,
} from './stations';
import { StoreCreate, StoreEdit, StoreList } from './stores';
import type { Role } from './types';
import { UserCreate, UserEdit, UserList } from './users';

const resourcesFor = (role: Role | undefined) => [
  <Resource
    key="stores"
    name="stores"
    icon={StorefrontIcon}
    list={StoreList}
    edit={canEditStores(role) ? StoreEdit : undefined}
    create={canCreateStores(role) ? StoreCreate : undefined}
    recordRepresentation="name"
  />,
  canManageUsers(role) ? (
    <Resource
      key="users"
      name="users"
      icon={PeopleIcon}
      list={UserList}
      edit={UserEdit}
      create={UserCreate}
      recordRepresentation="name"
    />
  ) : null,
  // Catalog: every role reads it; owners and managers change it.
  <Resource
    key="products"
    name="products"
    icon={LocalCafeIcon}
    list={ProductList}
    edit={canEditCatalog(role) ? ProductEdit : undefined}
    create={canEditCatalog(role) ? ProductCreate : undefined}
    recordRepresentation={<LocalizedName />}
  />,
  <Resource
    key="categories"
    name="categories"
    icon={CategoryIcon}
    list={CategoryList}
    edit={canEditCatalog(role) ? CategoryEdit : undefined}
    create={canEditCatalog(role) ? CategoryCreate : undefined}
    recordRepresentation={<LocalizedName />}
  />,
  <Resource
    key="modifier-groups"
    name="modifier-groups"
    icon={TuneIcon}
    list={ModifierGroupList}
    edit={canEditCatalog(role) ? ModifierGroupEdit : undefined}
    create={canEditCatalog(role) ? ModifierGroupCreate : undefined}
    recordRepresentation={<LocalizedName />}
  />,
  // Per store; everyone may use the "86" button there.
  <Resource
    key="product-overrides"
    name="product-overrides"
    icon={StoreMallDirectoryIcon}
    list={StoreAvailability}
    edit={canEditCatalog(role) ? ProductOverrideEdit : undefined}
    create={canEditCatalog(role) ? ProductOverrideCreate : undefined}
  />,
  canEditCatalog(role) ? (
    <CustomRoutes key="catalog-import">
      <Route path="/catalog-import" element={<CatalogImport />} />
    </CustomRoutes>
  ) : null,
  // Stock at the store chosen at the top of each screen.
  <Resource
    key="stock-levels"
    name="stock-levels"
    icon={InventoryIcon}
    list={StockLevelList}
    edit={canEditStock(role) ? StockLevelEdit : undefined}
    recordRepresentation="name"
  />,
  <Resource key="stock-movements" name="stock-movements" icon={HistoryIcon} list={StockMovementList} />,
  <Resource key="reorder-suggestions" name="reorder-suggestions" icon={ShoppingCartIcon} list={ReorderSuggestionList} />,
  <Resource
    key="stock-items"
    name="stock-items"
    icon={ScaleIcon}
    list={StockItemList}
    edit={canEditStock(role) ? StockItemEdit : undefined}
    create={canEditStock(role) ? StockItemCreate : undefined}
    recordRepresentation="name"
  />,
  // Pickup at the current store: everyone sees the day view and may use busy mode; owners and
  // managers set the schedule, exceptions and capacity rules.
  <CustomRoutes key="pickup">
    <Route path="/pickup-day" element={<PickupDayPage />} />
    {canEditPickup(role) ? <Route path="/pickup-schedule" element={<PickupSchedulePage />} /> : null}
  </CustomRoutes>,
  <Resource
    key="pickup-exceptions"
    name="pickup-exceptions"
    icon={EventBusyIcon}
    list={PickupExceptionList}
    edit={canEditPickup(role) ? PickupExceptionEdit : undefined}
    create={canEditPickup(role) ? PickupExceptionCreate : undefined}
  />,
  <Resource
    key="capacity-rules"
    name="capacity-rules"
    icon={SpeedIcon}
    list={CapacityRuleList}
    edit={canEditPickup(role) ? CapacityRuleEdit : undefined}
    create={canEditPickup(role) ? CapacityRuleCreate : undefined}
  />,
  // Orders at the current store: every role works the counter; the API says which steps each may
  // take. Listed first in the menu, but not the first resource, so sign-in still lands on stores.
  <Resource key="orders" name="orders" icon={ReceiptLongIcon} list={OrderList} show={OrderShow} recordRepresentation="number" />,
  // End-of-day reconciliation of the current store: every role that closes the till may see it.
  <CustomRoutes key="reconciliation">
    <Route path="/reconciliation" element={<ReconciliationPage />} />
  </CustomRoutes>,
  // Printing at the current store: everyone sees the board, the stations' status and the print
  // jobs; owners and managers set up stations, printers and print settings.
  <CustomRoutes key="order-board">
    <Route path="/order-board" element={<OrderBoardPage />} />
    <Route path="/print-settings" element={<PrintSettingsPage />} />
  </CustomRoutes>,
  <Resource
    key="stations"
    name="stations"
    icon={PointOfSaleIcon}
    list={StationList}
    edit={canEditPrinting(role) ? StationEdit : undefined}
    create={canEditPrinting(role) ? StationCreate : undefined}
    recordRepresentation="name"
  />,
  <Resource
    key="printers"
    name="printers"
    icon={PrintIcon}
    list={PrinterList}
    edit={canEditPrinting(role) ? PrinterEdit : undefined}
    create={canEditPrinting(role) ? PrinterCreate : undefined}
    recordRepresentation="name"
  />,
  <Resource key="print-jobs" name="print-jobs" icon={QueueIcon} list={PrintJobList} />,
  // Messages: everyone reads the log and the templates; owners and managers edit templates and
  // settings and resend.
  <Resource key="notifications" name="notifications" icon={MarkEmailReadIcon} list={NotificationList} show={NotificationShow} />,
  <Resource
    key="notification-templates"
    name="notification-templates"
    icon={EditNoteIcon}
    list={TemplateList}
    edit={canEditNotifications(role) ? TemplateEdit : undefined}
    show={TemplateShow}
  />,
  canEditNotifications(role) ? (
    <CustomRoutes key="notification-settings">
      <Route path="/notification-settings" element={<NotificationSettingsPage />} />
    </CustomRoutes>
  ) : null,
];

// No requireAuth: with resources chosen by role it sends react-admin 5.15 into a logout/redirect
// loop on the login page; every resource page still checks the session itself.
export const App = () => (
  <Admin
    title="Kassa"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    layout={KassaLayout}
    theme={radiantLightTheme}
    darkTheme={radiantDarkTheme}
    disableTelemetry
  >
    {(permissions: Role | undefined) => resourcesFor(permissions)}
  </Admin>
);
