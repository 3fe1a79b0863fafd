import type { ReactNode } from 'react';
import { Show, useLocale, useRecordContext, useTranslate } from 'react-admin';
import { Alert, Box, Card, CardContent, LinearProgress, Link, Stack, Typography } from '@mui/material';
import { useCurrentStore } from '../stores';
import type { OrderDetail, OrderSummary } from '../types';
import { OrderActionButtons } from './order-action-buttons';
import { OrderLines } from './order-lines';
import { OrderPaymentsPanel } from './order-payments';
import { ORDERS_REFRESH_MS } from './order-list';
import { OrderStatusChip } from './order-status-chip';
import { isOrderDetail } from './order-status';
import { OrderTimeline } from './order-timeline';
import { dateTime, pickupWindow, shortDay } from './order-time';

const FALLBACK_TIME_ZONE = 'Europe/Stockholm';

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" component="section" aria-label={translate(title)}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

const Fact = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography variant="body2" component="div">
        {children}
      </Typography>
    </Box>
  );
};

const OrderTitle = () => {
  const order = useRecordContext<OrderSummary>();
  const translate = useTranslate();
  return <>{order ? translate('kassa.orders.show_title', { number: order.number }) : ''}</>;
};

const Overview = ({ order, timeZone }: { order: OrderSummary | OrderDetail; timeZone: string }) => {
  const translate = useTranslate();
  const locale = useLocale();
  return (
    <Section title="kassa.orders.sections.pickup">
      <Stack spacing={1.5}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography variant="h5" component="p" sx={{ fontWeight: 700 }}>
            {order.number}
          </Typography>
          <OrderStatusChip status={order.status} size="medium" />
        </Box>
        <Fact label="resources.orders.fields.pickupStart">
          <Box component="span" sx={{ fontVariantNumeric: 'tabular-nums', fontSize: '1.1rem', fontWeight: 600 }}>
            {pickupWindow(order.pickup, timeZone)}
          </Box>
          {` · ${shortDay(order.pickup.start, timeZone, locale)}`}
          {order.pickup.asap && ` · ${translate('kassa.orders.asap')}`}
        </Fact>
        <Fact label="resources.orders.fields.createdAt">{dateTime(order.createdAt, timeZone, locale)}</Fact>
        {order.status === 'pending_payment' && order.holdExpiresAt && (
          <Fact label="kassa.orders.hold_until">{dateTime(order.holdExpiresAt, timeZone, locale)}</Fact>
        )}
        {isOrderDetail(order) && order.pickupCodeFailures > 0 && (
          <Alert severity="warning">
            {translate('kassa.orders.code_failures', { smart_count: order.pickupCodeFailures })}
          </Alert>
        )}
      </Stack>
    </Section>
  );
};

const Customer = ({ order }: { order: OrderSummary }) => {
  const { name, email, phone } = order.customer;
  return (
    <Section title="kassa.orders.sections.customer">
      <Stack spacing={1}>
        <Fact label="kassa.orders.customer.name">{name}</Fact>
        {email && (
          <Fact label="kassa.orders.customer.email">
            <Link href={`mailto:${email}`}>{email}</Link>
          </Fact>
        )}
        {phone && (
          <Fact label="kassa.orders.customer.phone">
            <Link href={`tel:${phone.replace(/\s+/g, '')}`}>{phone}</Link>
          </Fact>
        )}
      </Stack>
    </Section>
  );
};

const Payment = ({ order }: { order: OrderDetail }) => {
  const translate = useTranslate();
  const { payment } = order;
  return (
    <Section title="kassa.orders.sections.payment">
      {payment === null ? (
        <Typography variant="body2" color="text.secondary">
          {translate('kassa.orders.payment.none')}
        </Typography>
      ) : (
        <Stack spacing={1}>
          <Fact label="kassa.orders.payment.method">
            {translate(`kassa.orders.payment_methods.${payment.method}`, { _: payment.method })}
          </Fact>
          <Fact label="kassa.orders.payment.status">
            {translate(`kassa.orders.payment_statuses.${payment.status}`, { _: payment.status })}
          </Fact>
          <Fact label="kassa.orders.payment.id">
            <Box component="span" sx={{ fontFamily: 'monospace', fontSize: '0.8rem', wordBreak: 'break-all' }}>
              {payment.id}
            </Box>
          </Fact>
        </Stack>
      )}
    </Section>
  );
};

const OrderDetailView = () => {
  const order = useRecordContext<OrderSummary | OrderDetail>();
  const { stores } = useCurrentStore();
  if (!order) return null;
  const timeZone = stores.find((store) => store.id === order.storeId)?.timezone ?? FALLBACK_TIME_ZONE;
  const detail = isOrderDetail(order) ? order : null;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 2fr) minmax(0, 1fr)' }, gap: 2, alignItems: 'start' }}>
      <Stack spacing={2} sx={{ minWidth: 0 }}>
        <Section title="kassa.orders.sections.lines">{detail ? <OrderLines order={detail} /> : <LinearProgress />}</Section>
        <Section title="kassa.orders.sections.timeline">
          {detail ? <OrderTimeline order={detail} timeZone={timeZone} /> : <LinearProgress />}
        </Section>
        <Section title="kassa.orders.sections.payments">
          {detail ? <OrderPaymentsPanel order={detail} timeZone={timeZone} /> : <LinearProgress />}
        </Section>
      </Stack>
      <Stack spacing={2} sx={{ minWidth: 0 }}>
        <Overview order={order} timeZone={timeZone} />
        <Customer order={order} />
        {detail && <Payment order={detail} />}
      </Stack>
    </Box>
  );
};

/** One order: lines, totals and VAT, customer, payment, its history, and the next steps as buttons. */
export const OrderShow = () => (
  <Show
    title={<OrderTitle />}
    actions={<OrderActionButtons />}
    component="div"
    queryOptions={{ refetchInterval: ORDERS_REFRESH_MS }}
  >
    <OrderDetailView />
  </Show>
);
