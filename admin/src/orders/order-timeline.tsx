import { useLocale, useTranslate } from 'react-admin';
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { OrderDetail } from '../types';
import { OrderStatusChip } from './order-status-chip';
import { dateTime } from './order-time';

/** Every change of status: when (store time), from → to, who made it and why. */
export const OrderTimeline = ({ order, timeZone }: { order: OrderDetail; timeZone: string }) => {
  const translate = useTranslate();
  const locale = useLocale();
  return (
    <Table size="small" aria-label={translate('kassa.orders.sections.timeline')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('kassa.orders.timeline.when')}</TableCell>
          <TableCell>{translate('kassa.orders.timeline.change')}</TableCell>
          <TableCell>{translate('kassa.orders.timeline.by')}</TableCell>
          <TableCell>{translate('kassa.orders.timeline.reason')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {order.timeline.map((entry, index) => {
          const kind = translate(`kassa.orders.actors.${entry.actor.kind}`, { _: entry.actor.kind });
          return (
            <TableRow key={`${entry.at}-${index}`} className="order-timeline-entry" data-to={entry.to}>
              <TableCell sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{dateTime(entry.at, timeZone, locale)}</TableCell>
              <TableCell>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, flexWrap: 'wrap' }}>
                  {entry.from === null ? (
                    <Typography variant="body2" component="span" color="text.secondary">
                      {translate('kassa.orders.timeline.created')}
                    </Typography>
                  ) : (
                    <>
                      <OrderStatusChip status={entry.from} />
                      <span>→</span>
                    </>
                  )}
                  <OrderStatusChip status={entry.to} />
                </Box>
              </TableCell>
              <TableCell>
                {entry.actor.name ? (
                  <>
                    {entry.actor.name}
                    <Typography variant="caption" component="div" color="text.secondary">
                      {kind}
                    </Typography>
                  </>
                ) : (
                  kind
                )}
              </TableCell>
              <TableCell>{entry.reason ?? ''}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};
