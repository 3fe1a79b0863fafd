import { useRecordContext, useTranslate } from 'react-admin';
import { Chip } from '@mui/material';
import type { NotificationStatus, NotificationSummary } from '../types';
import { notificationStatusLook } from './notification-choices';

/** The delivery status as a coloured chip; "logged" reads "not sent — written to the log". */
export const NotificationStatusChip = ({ status, size = 'small' }: { status: NotificationStatus; size?: 'small' | 'medium' }) => {
  const translate = useTranslate();
  const look = notificationStatusLook[status] ?? { color: 'default', variant: 'outlined' };
  return (
    <Chip
      size={size}
      color={look.color}
      variant={look.variant}
      label={translate(`kassa.notifications.statuses.${status}`, { _: status })}
      data-status={status}
      className="notification-status"
    />
  );
};

/** For list columns: the record's status. */
export const NotificationStatusField = () => {
  const record = useRecordContext<NotificationSummary>();
  return record ? <NotificationStatusChip status={record.status} /> : null;
};
