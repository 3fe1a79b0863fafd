import { DataTable, List, SearchInput, TopToolbar, useListContext, useLocale, useTranslate } from 'react-admin';
import {
  Box,
  Button,
  Checkbox,
  IconButton,
  ListItemText,
  MenuItem,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Tooltip,
  Typography,
} from '@mui/material';
import ClearIcon from '@mui/icons-material/Clear';
import { formatMoney } from '../money';
import { addDays, localClock } from '../pickup';
import { StoreScoped, storeToday } from '../stores';
import type { OrderStatus, OrderSummary, Store } from '../types';
import { OrderStatusField } from './order-status-chip';
import { ACTIVE_STATUSES, isActiveFilter, ORDER_STATUSES } from './order-status';
import { localDate, localMidnight, pickupWindow, shortDay } from './order-time';

/** How often the list asks for new orders; the counter should see an order within seconds. */
export const ORDERS_REFRESH_MS = 5_000;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "Active" is a preset of the status filter; "all" drops it. */
const ActiveToggle = () => {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const translate = useTranslate();
  const value = filterValues.status === undefined ? 'all' : isActiveFilter(filterValues.status) ? 'active' : null;
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={value}
      aria-label={translate('kassa.orders.quick.label')}
      onChange={(_event, next: 'active' | 'all' | null) => {
        if (next === null) return;
        const { status: _dropped, ...rest } = filterValues;
        setFilters(next === 'active' ? { ...rest, status: [...ACTIVE_STATUSES] } : rest, displayedFilters);
      }}
    >
      <ToggleButton value="active">{translate('kassa.orders.quick.active')}</ToggleButton>
      <ToggleButton value="all">{translate('kassa.orders.quick.all')}</ToggleButton>
    </ToggleButtonGroup>
  );
};

const statusesIn = (value: unknown): OrderStatus[] =>
  (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []).filter((status): status is OrderStatus =>
    ORDER_STATUSES.includes(status as OrderStatus),
  );

/**
 * The statuses to list. Like the other quick filters it sets the list's filter directly: inside
 * react-admin's filter form it kept its old value when "All" cleared it, and the next search
 * brought it back.
 */
const StatusFilter = () => {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const translate = useTranslate();
  const chosen = statusesIn(filterValues.status);
  const label = (status: OrderStatus) => translate(`kassa.orders.statuses.${status}`);
  return (
    <TextField
      select
      size="small"
      label={translate('resources.orders.fields.status')}
      value={chosen}
      onChange={(event) => {
        const next = statusesIn(event.target.value);
        const { status: _dropped, ...rest } = filterValues;
        setFilters(next.length === 0 ? rest : { ...rest, status: ORDER_STATUSES.filter((status) => next.includes(status)) }, displayedFilters);
      }}
      slotProps={{
        select: { multiple: true, renderValue: (value) => statusesIn(value).map(label).join(', ') },
        inputLabel: { shrink: chosen.length > 0 ? true : undefined },
      }}
      sx={{ width: 280 }}
    >
      {ORDER_STATUSES.map((status) => (
        <MenuItem key={status} value={status} dense>
          <Checkbox size="small" checked={chosen.includes(status)} sx={{ p: 0.5, mr: 1 }} />
          <ListItemText primary={label(status)} />
        </MenuItem>
      ))}
    </TextField>
  );
};

/** One store-local day of pickups, sent to the API as the instants it starts and ends. */
const PickupDayFilter = ({ store }: { store: Store }) => {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const translate = useTranslate();
  const today = storeToday(store);
  const from: unknown = filterValues.pickupFrom;
  const day = typeof from === 'string' ? localDate(from, store.timezone) : '';
  const setDay = (next: string) => {
    const { pickupFrom: _from, pickupTo: _to, ...rest } = filterValues;
    setFilters(
      next === ''
        ? rest
        : { ...rest, pickupFrom: localMidnight(next, store.timezone), pickupTo: localMidnight(addDays(next, 1), store.timezone) },
      displayedFilters,
    );
  };
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
      <TextField
        type="date"
        size="small"
        label={translate('kassa.orders.pickup_day')}
        value={day}
        onChange={(event) => (event.target.value === '' || DATE.test(event.target.value)) && setDay(event.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
        sx={{ width: 170 }}
      />
      {day !== '' && (
        <Tooltip title={translate('kassa.orders.any_day')}>
          <IconButton size="small" aria-label={translate('kassa.orders.any_day')} onClick={() => setDay('')}>
            <ClearIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      )}
      <Button size="small" onClick={() => setDay(today)} disabled={day === today}>
        {translate('kassa.orders.today')}
      </Button>
    </Box>
  );
};

const OrderListActions = ({ store }: { store: Store }) => (
  <TopToolbar sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
    <StatusFilter />
    <PickupDayFilter store={store} />
    <ActiveToggle />
  </TopToolbar>
);

const PickupCell = ({ order, store }: { order: OrderSummary; store: Store }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const notToday = localDate(order.pickup.start, store.timezone) !== storeToday(store);
  return (
    <Box sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {pickupWindow(order.pickup, store.timezone)}
      {(order.pickup.asap || notToday) && (
        <Typography variant="caption" component="div" color="text.secondary">
          {[order.pickup.asap ? translate('kassa.orders.asap') : null, notToday ? shortDay(order.pickup.start, store.timezone, locale) : null]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
      )}
    </Box>
  );
};

const PaymentCell = ({ order }: { order: OrderSummary }) => {
  const translate = useTranslate();
  if (order.paymentMethod === null) return null;
  return (
    <Box>
      {translate(`kassa.orders.payment_methods.${order.paymentMethod}`, { _: order.paymentMethod })}
      {order.paymentStatus !== null && (
        <Typography variant="caption" component="div" color="text.secondary">
          {translate(`kassa.orders.payment_statuses.${order.paymentStatus}`, { _: order.paymentStatus })}
        </Typography>
      )}
    </Box>
  );
};

const TotalCell = ({ order }: { order: OrderSummary }) => {
  const locale = useLocale();
  return (
    <Box component="span" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {formatMoney(order.total, locale, order.currency)}
    </Box>
  );
};

const PlacedCell = ({ order, store }: { order: OrderSummary; store: Store }) => {
  const locale = useLocale();
  const sameDay = localDate(order.createdAt, store.timezone) === storeToday(store);
  return (
    <Box component="span" sx={{ whiteSpace: 'nowrap', color: 'text.secondary' }}>
      {sameDay
        ? localClock(order.createdAt, store.timezone)
        : `${shortDay(order.createdAt, store.timezone, locale)} ${localClock(order.createdAt, store.timezone)}`}
    </Box>
  );
};

const OrderTable = ({ store }: { store: Store }) => (
  <DataTable<OrderSummary> rowClick="show" bulkActionButtons={false}>
    <DataTable.Col source="number" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }} />
    <DataTable.Col source="pickupStart" render={(order: OrderSummary) => <PickupCell order={order} store={store} />} />
    <DataTable.Col source="customer.name" disableSort />
    <DataTable.Col source="itemCount" align="right" disableSort />
    <DataTable.Col source="total" align="right" disableSort render={(order: OrderSummary) => <TotalCell order={order} />} />
    <DataTable.Col source="status">
      <OrderStatusField />
    </DataTable.Col>
    <DataTable.Col source="paymentMethod" disableSort render={(order: OrderSummary) => <PaymentCell order={order} />} />
    <DataTable.Col source="createdAt" render={(order: OrderSummary) => <PlacedCell order={order} store={store} />} />
  </DataTable>
);

const RefreshNote = ({ store }: { store: Store }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }}>
      {translate('kassa.orders.auto_refresh', { timezone: store.timezone })}
    </Typography>
  );
};

/**
 * The current store's orders by pickup time, active ones first shown; the list asks again every
 * few seconds, keeping its filters, page and scroll.
 */
export const OrderList = () => {
  const translate = useTranslate();
  const orderFilters = [<SearchInput key="q" source="q" alwaysOn placeholder={translate('kassa.orders.search')} />];
  return (
    <StoreScoped>
      {(storeId, current) => {
        const store = current.stores.find((candidate) => candidate.id === storeId);
        if (!store) return null;
        return (
          <List
            key={storeId}
            resource="orders"
            filter={{ storeId }}
            filters={orderFilters}
            filterDefaultValues={{ status: [...ACTIVE_STATUSES] }}
            sort={{ field: 'pickupStart', order: 'ASC' }}
            perPage={50}
            actions={<OrderListActions store={store} />}
            queryOptions={{ refetchInterval: ORDERS_REFRESH_MS }}
            empty={false}
          >
            <OrderTable store={store} />
            <RefreshNote store={store} />
          </List>
        );
      }}
    </StoreScoped>
  );
};
