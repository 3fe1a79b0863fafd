import { Menu, usePermissions, useSidebarState, useTranslate } from 'react-admin';
import { Divider, ListSubheader } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import CalendarViewDayIcon from '@mui/icons-material/CalendarViewDay';
import ScheduleIcon from '@mui/icons-material/Schedule';
import ViewKanbanIcon from '@mui/icons-material/ViewKanban';
import TuneIcon from '@mui/icons-material/Tune';
import SettingsIcon from '@mui/icons-material/Settings';
import BalanceIcon from '@mui/icons-material/Balance';
import { canEditCatalog, canEditNotifications, canEditPickup } from '../auth/roles';
import type { Role } from '../types';

const Heading = ({ label }: { label: string }) => {
  const translate = useTranslate();
  const [open] = useSidebarState();
  return open ? (
    <ListSubheader component="div" disableSticky sx={{ lineHeight: '32px', mt: 1, background: 'transparent' }}>
      {translate(label)}
    </ListSubheader>
  ) : (
    <Divider sx={{ my: 1 }} />
  );
};

/** The resources grouped as a store admin thinks of them (orders first, then stores, catalogue, stock, pickup, messages); items of resources a role lacks vanish. */
export const KassaMenu = () => {
  const { permissions } = usePermissions<Role>();
  return (
    <Menu>
      <Menu.ResourceItem name="orders" />
      <Menu.Item to="/order-board" primaryText="kassa.board.menu" leftIcon={<ViewKanbanIcon />} />
      <Menu.Item to="/reconciliation" primaryText="kassa.reconciliation.menu" leftIcon={<BalanceIcon />} />
      <Menu.ResourceItem name="stores" />
      <Menu.ResourceItem name="users" />
      <Heading label="kassa.menu.catalog" />
      <Menu.ResourceItem name="products" />
      <Menu.ResourceItem name="categories" />
      <Menu.ResourceItem name="modifier-groups" />
      <Menu.ResourceItem name="product-overrides" />
      {canEditCatalog(permissions) && (
        <Menu.Item to="/catalog-import" primaryText="kassa.import.menu" leftIcon={<UploadFileIcon />} />
      )}
      <Heading label="kassa.menu.stock" />
      <Menu.ResourceItem name="stock-levels" />
      <Menu.ResourceItem name="stock-movements" />
      <Menu.ResourceItem name="reorder-suggestions" />
      <Menu.ResourceItem name="stock-items" />
      <Heading label="kassa.menu.pickup" />
      <Menu.Item to="/pickup-day" primaryText="kassa.pickup.day.menu" leftIcon={<CalendarViewDayIcon />} />
      {canEditPickup(permissions) && (
        <Menu.Item to="/pickup-schedule" primaryText="kassa.pickup.schedule.menu" leftIcon={<ScheduleIcon />} />
      )}
      <Menu.ResourceItem name="pickup-exceptions" />
      <Menu.ResourceItem name="capacity-rules" />
      <Heading label="kassa.menu.printing" />
      <Menu.ResourceItem name="stations" />
      <Menu.ResourceItem name="printers" />
      <Menu.ResourceItem name="print-jobs" />
      <Menu.Item to="/print-settings" primaryText="kassa.print_settings.menu" leftIcon={<TuneIcon />} />
      <Heading label="kassa.menu.notifications" />
      <Menu.ResourceItem name="notifications" />
      <Menu.ResourceItem name="notification-templates" />
      {canEditNotifications(permissions) && (
        <Menu.Item to="/notification-settings" primaryText="kassa.notification_settings.menu" leftIcon={<SettingsIcon />} />
      )}
    </Menu>
  );
};
