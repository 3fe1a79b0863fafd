import { useState, type FormEvent, type ReactElement } from 'react';
import { Confirm, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import SoupKitchenIcon from '@mui/icons-material/SoupKitchen';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import HandshakeIcon from '@mui/icons-material/Handshake';
import CancelIcon from '@mui/icons-material/Cancel';
import PersonOffIcon from '@mui/icons-material/PersonOff';
import type { HandOverProof, OrderAction, OrderDetail, OrderSummary } from '../types';
import { isOrderDetail, ORDER_ACTIONS } from './order-status';
import { useOrderAction, type RunOrderAction } from './use-order-action';

const actionIcons: Record<OrderAction, ReactElement> = {
  accept: <CheckIcon />,
  start: <SoupKitchenIcon />,
  ready: <DoneAllIcon />,
  hand_over: <HandshakeIcon />,
  no_show: <PersonOffIcon />,
  cancel: <CancelIcon />,
};

// Separators people type or read out ("ABC 123", "abc-123"); the API drops them as well.
const SEPARATORS = /[\s\-‐‑‒–—]/g;

/**
 * A few characters are the code the customer reads out (the API normalises case and separators);
 * anything longer is the payload of the pass's QR code, typed in by a scanner.
 */
export const handOverProof = (typed: string): HandOverProof | null => {
  const text = typed.trim();
  if (text === '') return null;
  return text.replace(SEPARATORS, '').length <= 8 ? { code: text } : { qr: text };
};

type Run = RunOrderAction;

/** Asks for the pickup code (or a scanned QR payload); a wrong code is shown at the field. Also used by the order board. */
export const HandOverDialog = ({
  order,
  run,
  busy,
  onClose,
}: {
  order: Pick<OrderSummary, 'id' | 'number'>;
  run: Run;
  busy: boolean;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const proof = handOverProof(typed);
    if (proof === null) {
      setProblem(translate('kassa.orders.hand_over.code_required'));
      return;
    }
    const outcome = await run({ id: order.id, action: 'hand_over', proof }, ['PICKUP_CODE_INVALID']);
    if (outcome.ok) onClose();
    else if (outcome.code === 'PICKUP_CODE_INVALID') setProblem(translate('kassa.orders.errors.PICKUP_CODE_INVALID'));
    else onClose();
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="hand-over-title" fullWidth maxWidth="xs">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DialogTitle id="hand-over-title">{translate('kassa.orders.hand_over.title', { number: order.number })}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            margin="dense"
            label={translate('kassa.orders.hand_over.code')}
            value={typed}
            onChange={(event) => {
              setTyped(event.target.value);
              setProblem(null);
            }}
            error={problem !== null}
            helperText={problem ?? translate('kassa.orders.hand_over.code_help')}
            slotProps={{
              htmlInput: {
                autoComplete: 'off',
                autoCapitalize: 'characters',
                spellCheck: false,
                style: { fontFamily: 'monospace', letterSpacing: '0.2em', fontSize: '1.25rem' },
              },
            }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button type="submit" variant="contained" color="success" disabled={busy} startIcon={actionIcons.hand_over}>
            {translate('kassa.orders.hand_over.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};

const CancelDialog = ({ order, run, busy, onClose }: { order: OrderDetail; run: Run; busy: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run({ id: order.id, action: 'cancel', reason: reason.trim() || undefined });
    onClose();
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="cancel-order-title" fullWidth maxWidth="xs">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DialogTitle id="cancel-order-title">{translate('kassa.orders.cancel.title', { number: order.number })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('kassa.orders.cancel.body')}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            margin="dense"
            label={translate('kassa.orders.cancel.reason')}
            helperText={translate('kassa.orders.cancel.reason_help')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {translate('kassa.orders.cancel.keep')}
          </Button>
          <Button type="submit" variant="contained" color="error" disabled={busy} startIcon={actionIcons.cancel}>
            {translate('kassa.orders.cancel.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};

/**
 * The order's next steps as the API offers them to the signed-in user: accept, start and ready at
 * once; hand-over asks for the pickup code and cancelling for a reason first.
 */
export const OrderActionButtons = () => {
  const order = useRecordContext<OrderDetail>();
  const translate = useTranslate();
  const { run, pending } = useOrderAction();
  const [dialog, setDialog] = useState<'hand_over' | 'no_show' | 'cancel' | null>(null);
  if (!isOrderDetail(order)) return <TopToolbar />;
  const allowed = ORDER_ACTIONS.filter((action) => order.allowedActions.includes(action));
  const press = (action: OrderAction) => {
    if (action === 'hand_over' || action === 'no_show' || action === 'cancel') setDialog(action);
    else void run({ id: order.id, action });
  };
  return (
    <TopToolbar sx={{ gap: 1, flexWrap: 'wrap' }}>
      {allowed.map((action) => (
        <Button
          key={action}
          variant={action === 'cancel' || action === 'no_show' ? 'outlined' : 'contained'}
          color={action === 'cancel' || action === 'no_show' ? 'error' : action === 'hand_over' ? 'success' : 'primary'}
          startIcon={actionIcons[action]}
          disabled={pending !== null}
          onClick={() => press(action)}
        >
          {translate(`kassa.orders.actions.${action}`)}
        </Button>
      ))}
      {dialog === 'hand_over' && <HandOverDialog order={order} run={run} busy={pending !== null} onClose={() => setDialog(null)} />}
      {dialog === 'cancel' && <CancelDialog order={order} run={run} busy={pending !== null} onClose={() => setDialog(null)} />}
      <Confirm
        isOpen={dialog === 'no_show'}
        loading={pending !== null}
        title="kassa.orders.no_show.title"
        content="kassa.orders.no_show.body"
        titleTranslateOptions={{ number: order.number }}
        confirm="kassa.orders.no_show.confirm"
        cancel="kassa.orders.no_show.keep"
        confirmColor="warning"
        onConfirm={() => {
          setDialog(null);
          void run({ id: order.id, action: 'no_show' });
        }}
        onClose={() => setDialog(null)}
      />
    </TopToolbar>
  );
};
