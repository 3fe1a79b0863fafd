import { DataTable, List, SearchInput, TopToolbar, useLocale, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { Box, Link, Typography } from '@mui/material';
import { dateTime, localDate, shortDay } from '../orders';
import { localClock } from '../pickup';
import { StoreScoped, storeToday } from '../stores';
import type { NotificationSummary, Store } from '../types';
import { MultiChoiceFilter } from './multi-choice-filter';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, NOTIFICATION_STATUSES } from './notification-choices';
import { NotificationStatusField } from './notification-status-chip';

/** How often the log asks again: a confirmation shows within seconds of the order. */
export const NOTIFICATIONS_REFRESH_MS = 10_000;

const NotificationListActions = () => (
  <TopToolbar sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap', flex: '1 1 auto', justifyContent: 'flex-end' }}>
    <MultiChoiceFilter
      source="kind"
      label="resources.notifications.fields.kind"
      choices={NOTIFICATION_KINDS}
      choiceLabel={(kind) => `kassa.notifications.kinds.${kind}`}
      width={200}
    />
    <MultiChoiceFilter
      source="channel"
      label="resources.notifications.fields.channel"
      choices={NOTIFICATION_CHANNELS}
      choiceLabel={(channel) => `kassa.notifications.channels.${channel}`}
      width={130}
    />
    <MultiChoiceFilter
      source="status"
      label="resources.notifications.fields.status"
      choices={NOTIFICATION_STATUSES}
      choiceLabel={(status) => `kassa.notifications.statuses.${status}`}
      width={200}
    />
  </TopToolbar>
);

/** Today: the clock time; earlier: the day too (store time). */
const CreatedCell = ({ notification, store }: { notification: NotificationSummary; store: Store }) => {
  const locale = useLocale();
  const sameDay = localDate(notification.createdAt, store.timezone) === storeToday(store);
  return (
    <Box component="span" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} title={dateTime(notification.createdAt, store.timezone, locale)}>
      {sameDay
        ? localClock(notification.createdAt, store.timezone)
        : `${shortDay(notification.createdAt, store.timezone, locale)} ${localClock(notification.createdAt, store.timezone)}`}
    </Box>
  );
};

const KindCell = ({ notification }: { notification: NotificationSummary }) => {
  const translate = useTranslate();
  return (
    <Box>
      {translate(`kassa.notifications.kinds.${notification.kind}`, { _: notification.kind })}
      <Typography variant="caption" component="div" color="text.secondary">
        {translate(`kassa.notifications.channels.${notification.channel}`, { _: notification.channel })}
        {` · ${translate(`kassa.locales.${notification.locale}`, { _: notification.locale })}`}
      </Typography>
    </Box>
  );
};

/** The order's number, linking to the order (not to the notification, as the rest of the row does). */
export const OrderLink = ({ notification }: { notification: NotificationSummary }) =>
  notification.orderId && notification.orderNumber ? (
    <Link
      component={RouterLink}
      to={`/orders/${encodeURIComponent(notification.orderId)}/show`}
      onClick={(event) => event.stopPropagation()}
      sx={{ whiteSpace: 'nowrap', fontWeight: 600 }}
    >
      {notification.orderNumber}
    </Link>
  ) : null;

const NotificationTable = ({ store }: { store: Store }) => (
  <DataTable<NotificationSummary> rowClick="show" bulkActionButtons={false}>
    <DataTable.Col source="createdAt" render={(notification: NotificationSummary) => <CreatedCell notification={notification} store={store} />} />
    <DataTable.Col source="kind" disableSort render={(notification: NotificationSummary) => <KindCell notification={notification} />} />
    <DataTable.Col
      source="recipient"
      disableSort
      render={(notification: NotificationSummary) => (
        <Box component="span" sx={{ fontFamily: 'monospace', fontSize: '0.85rem', whiteSpace: 'nowrap' }}>
          {notification.recipient}
        </Box>
      )}
    />
    <DataTable.Col source="orderNumber" disableSort render={(notification: NotificationSummary) => <OrderLink notification={notification} />} />
    <DataTable.Col source="subject" disableSort sx={{ maxWidth: 320, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} />
    <DataTable.Col source="status" disableSort>
      <NotificationStatusField />
    </DataTable.Col>
    <DataTable.Col source="attempts" align="right" disableSort />
  </DataTable>
);

const RefreshNote = ({ store }: { store: Store }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }}>
      {translate('kassa.notifications.auto_refresh', { timezone: store.timezone })}
    </Typography>
  );
};

/** Every message to customers and staff of the current store, newest first; asks again every few seconds. */
export const NotificationList = () => {
  const translate = useTranslate();
  const filters = [<SearchInput key="q" source="q" alwaysOn placeholder={translate('kassa.notifications.search')} />];
  return (
    <StoreScoped>
      {(storeId, current) => {
        const store = current.stores.find((candidate) => candidate.id === storeId);
        if (!store) return null;
        return (
          <List
            key={storeId}
            resource="notifications"
            filter={{ storeId }}
            filters={filters}
            sort={{ field: 'createdAt', order: 'DESC' }}
            perPage={50}
            actions={<NotificationListActions />}
            queryOptions={{ refetchInterval: NOTIFICATIONS_REFRESH_MS }}
            empty={false}
          >
            <NotificationTable store={store} />
            <RefreshNote store={store} />
          </List>
        );
      }}
    </StoreScoped>
  );
};
