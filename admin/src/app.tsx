import { Admin, Resource, radiantDarkTheme, radiantLightTheme } from 'react-admin';
import StorefrontIcon from '@mui/icons-material/Storefront';
import PeopleIcon from '@mui/icons-material/People';
import { authProvider } from './auth/auth-provider';
import { canCreateStores, canEditStores, canManageUsers } from './auth/roles';
import { dataProvider } from './data/data-provider';
import { i18nProvider } from './i18n/i18n-provider';
import { KassaLayout } from './layout/kassa-layout';
import { LoginPage } from './layout/login-page';
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
