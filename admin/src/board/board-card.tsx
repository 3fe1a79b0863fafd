import type { ReactElement } from 'react';
import { useLocale, useTranslate } from 'react-admin';
import { Box, Button, Card, CardActions, CardContent, Chip, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import SoupKitchenIcon from '@mui/icons-material/SoupKitchen';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import HandshakeIcon from '@mui/icons-material/Handshake';
import { localizedName } from '../catalog';
import { localDate, pickupWindow, shortDay } from '../orders';
import type { OrderAction } from '../types';
import { boardActions, PAY_IN_STORE, type BoardOrder } from './board-orders';

const actionIcons: Partial<Record<OrderAction, ReactElement>> = {
  accept: <CheckIcon />,
  start: <SoupKitchenIcon />,
  ready: <DoneAllIcon />,
  hand_over: <HandshakeIcon />,
};

const Items = ({ order }: { order: BoardOrder }) => {
  const translate = useTranslate();
  const locale = useLocale();
  if (order.detail !== null) {
    return (
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {order.detail.lines.map((line, index) => (
          <Box component="li" key={`${line.productId}-${index}`} className="board-line" sx={{ py: 0.25 }}>
            <Typography variant="body1" sx={{ fontWeight: 600 }}>{`${line.quantity} × ${localizedName(line, locale)}`}</Typography>
            {line.modifiers.map((modifier) => (
              <Typography key={modifier.optionId} variant="body2" color="text.secondary" sx={{ pl: 2 }}>
                {`+ ${localizedName(modifier, locale)}`}
              </Typography>
            ))}
            {line.note && (
              <Typography variant="body2" sx={{ pl: 2, fontStyle: 'italic' }}>
                {translate('kassa.orders.lines.note', { note: line.note })}
              </Typography>
            )}
          </Box>
        ))}
      </Box>
    );
  }
  return (
    <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {order.items.map((item, index) => (
        <Box component="li" key={`${item.name}-${index}`} className="board-line" sx={{ py: 0.25 }}>
          <Typography variant="body1" sx={{ fontWeight: 600 }}>{`${item.quantity} × ${item.name}`}</Typography>
          {item.note && (
            <Typography variant="body2" sx={{ pl: 2, fontStyle: 'italic' }}>
              {translate('kassa.orders.lines.note', { note: item.note })}
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
};

interface BoardCardProps {
  order: BoardOrder;
  timeZone: string;
  today: string;
  busy: boolean;
  onAction: (order: BoardOrder, action: OrderAction) => void;
}

/** One order: number, pickup time, customer, what to make, and its next step as a big button. */
export const BoardCard = ({ order, timeZone, today, busy, onAction }: BoardCardProps) => {
  const translate = useTranslate();
  const locale = useLocale();
  const label = translate('kassa.board.card', { number: order.number });
  const otherDay = localDate(order.pickup.start, timeZone) !== today;
  const unpaid = order.status === 'pending_payment' && order.paymentMethod === PAY_IN_STORE;
  return (
    <Card component="article" aria-label={label} data-order-id={order.id} data-status={order.status} className="board-card" variant="outlined">
      <CardContent sx={{ pb: 1 }}>
        <Box sx={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="h3" component="h3" sx={{ fontWeight: 800, lineHeight: 1 }} className="board-number">
            {order.number}
          </Typography>
          <Box sx={{ textAlign: 'right' }}>
            <Typography variant="h6" component="p" sx={{ fontVariantNumeric: 'tabular-nums', lineHeight: 1.2 }}>
              {pickupWindow(order.pickup, timeZone)}
            </Typography>
            {(order.pickup.asap || otherDay) && (
              <Typography variant="caption" color="text.secondary">
                {[order.pickup.asap ? translate('kassa.orders.asap') : null, otherDay ? shortDay(order.pickup.start, timeZone, locale) : null]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography>
            )}
          </Box>
        </Box>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, my: 1, flexWrap: 'wrap' }}>
          <Typography variant="subtitle1" component="p" sx={{ fontWeight: 600 }}>
            {order.customerName}
          </Typography>
          {unpaid && <Chip size="small" color="warning" label={translate('kassa.board.pay_in_store')} />}
        </Box>
        <Items order={order} />
      </CardContent>
      <CardActions sx={{ flexWrap: 'wrap', gap: 1, px: 2, pb: 2 }}>
        {boardActions(order).map((action) => (
          <Button
            key={action}
            variant="contained"
            size="large"
            color={action === 'hand_over' ? 'success' : 'primary'}
            startIcon={actionIcons[action]}
            disabled={busy}
            onClick={() => onAction(order, action)}
            sx={{ flex: '1 1 auto', m: '0 !important' }}
          >
            {translate(`kassa.orders.actions.${action}`)}
          </Button>
        ))}
      </CardActions>
    </Card>
  );
};
