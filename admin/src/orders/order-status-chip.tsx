import { useRecordContext, useTranslate } from 'react-admin';
import { Chip } from '@mui/material';
import type { OrderStatus, OrderSummary } from '../types';
import { statusLook } from './order-status';

/** The status as a coloured chip with its label in the console's language. */
export const OrderStatusChip = ({ status, size = 'small' }: { status: OrderStatus; size?: 'small' | 'medium' }) => {
  const translate = useTranslate();
  const look = statusLook[status] ?? { color: 'default', variant: 'outlined' };
  return (
    <Chip
      size={size}
      color={look.color}
      variant={look.variant}
      label={translate(`kassa.orders.statuses.${status}`, { _: status })}
      data-status={status}
      className="order-status"
    />
  );
};

/** For list columns: the record's status. */
export const OrderStatusField = () => {
  const record = useRecordContext<OrderSummary>();
  return record ? <OrderStatusChip status={record.status} /> : null;
};
