import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { HttpError, useDataProvider, useLocale, useNotify, useShowContext, useTranslate } from 'react-admin';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  LinearProgress,
  Radio,
  RadioGroup,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import UndoIcon from '@mui/icons-material/Undo';
import { localizedName } from '../catalog';
import { isApiErrorBody } from '../data/api-error';
import type { KassaDataProvider } from '../data/data-provider';
import { formatKronorForInput, formatMoney, parseKronor } from '../money';
import type { OrderDetail, OrderPayments, PaymentHistory, RefundInput } from '../types';
import { dateTime } from './order-time';

const numeric = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;
const MAX_REASON = 500;

/** Who did it, from the log's `staff:<id>` / `system` / `customer` / `provider:<method>`. */
const actorLabel = (actor: string, translate: (key: string, options?: object) => string): string => {
  const kind = actor.split(':')[0] ?? actor;
  return translate(`kassa.orders.payments.actors.${kind}`, { _: actor });
};

/** The field a refund's error names, mapped onto the dialog's inputs. */
type RefundField = 'amount' | 'lines' | 'reason' | 'restock' | 'form';

const fieldOf = (field: string | undefined): RefundField => {
  if (field === 'amount' || field === 'reason' || field === 'restock') return field;
  if (field?.startsWith('lines')) return 'lines';
  return 'form';
};

/** Per line, the units not refunded yet (each unit is refunded at most once). */
const unitsLeft = (order: OrderDetail, refunds: OrderPayments['refunds']): Map<string, number> => {
  const left = new Map(order.lines.map((line) => [line.id, line.quantity]));
  for (const refund of refunds) for (const r of refund.lines) left.set(r.lineId, (left.get(r.lineId) ?? 0) - r.quantity);
  return left;
};

/** What `quantity` more units of a line are worth, split as the API splits them so all units add up to the line total. */
const unitsWorth = (line: OrderDetail['lines'][number], quantity: number, left: number): number => {
  const worth = (units: number) => Math.floor((line.lineTotal * units) / line.quantity);
  const before = line.quantity - left;
  return worth(before + quantity) - worth(before);
};

const RefundDialog = ({
  order,
  payment,
  refunds,
  onClose,
  onDone,
}: {
  order: OrderDetail;
  payment: PaymentHistory;
  refunds: OrderPayments['refunds'];
  onClose: () => void;
  onDone: () => void;
}) => {
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const dataProvider = useDataProvider<KassaDataProvider>();
  const money = (amount: number) => formatMoney(amount, locale, payment.currency);
  const [mode, setMode] = useState<'full' | 'amount' | 'lines'>('full');
  const [amountText, setAmountText] = useState(formatKronorForInput(payment.refundable, locale));
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [restock, setRestock] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Partial<Record<RefundField, string>>>({});

  const left = unitsLeft(order, refunds);
  const chosenLines = order.lines
    .map((line) => ({ line, quantity: Number(quantities[line.id] ?? '0') }))
    .filter(({ quantity }) => Number.isInteger(quantity) && quantity > 0);
  const linesWorth = chosenLines.reduce((sum, { line, quantity }) => sum + unitsWorth(line, Math.min(quantity, left.get(line.id) ?? 0), left.get(line.id) ?? 0), 0);

  /** What is sent, or the problems found before sending. */
  const request = (): { input: RefundInput; amount: number } | Partial<Record<RefundField, string>> => {
    const found: Partial<Record<RefundField, string>> = {};
    const trimmed = reason.trim();
    if (trimmed === '') found.reason = translate('kassa.orders.refund.reason_required');
    const base = { reason: trimmed, ...(restock ? { restock: true } : {}) };
    if (mode === 'full') return Object.keys(found).length > 0 ? found : { input: base, amount: payment.refundable };
    if (mode === 'amount') {
      const amount = parseKronor(amountText);
      if (amount === null || Number.isNaN(amount) || amount < 1) found.amount = translate('kassa.orders.refund.amount_invalid');
      else if (amount > payment.refundable) found.amount = translate('kassa.orders.refund.amount_too_large', { max: money(payment.refundable) });
      if (Object.keys(found).length > 0 || amount === null) return found;
      return { input: { ...base, amount }, amount };
    }
    if (chosenLines.length === 0) found.lines = translate('kassa.orders.refund.lines_required');
    if (Object.keys(found).length > 0) return found;
    return { input: { ...base, lines: chosenLines.map(({ line, quantity }) => ({ lineId: line.id, quantity })) }, amount: linesWorth };
  };
  const built = request();
  const ready = 'input' in built;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!('input' in built)) {
      setProblems(built);
      return;
    }
    if (!confirming) {
      setConfirming(true);
      return;
    }
    setBusy(true);
    try {
      await dataProvider.refundOrder({ id: order.id, refund: built.input });
      notify('kassa.orders.refund.done', { type: 'success', messageArgs: { amount: money(built.amount), number: order.number } });
      onDone();
      onClose();
    } catch (error) {
      const body = error instanceof HttpError && isApiErrorBody(error.body) ? error.body : null;
      const next: Partial<Record<RefundField, string>> = {};
      for (const detail of body?.details ?? []) next[fieldOf(detail.field)] = detail.reason;
      if (Object.keys(next).length === 0) next.form = body?.message ?? (error instanceof Error ? error.message : translate('ra.notification.http_error'));
      setProblems(next);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  const edited = () => {
    setProblems({});
    setConfirming(false);
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="refund-title" fullWidth maxWidth="sm">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DialogTitle id="refund-title">{translate('kassa.orders.refund.title', { number: order.number })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('kassa.orders.refund.refundable', { amount: money(payment.refundable) })}</DialogContentText>
          <RadioGroup
            value={mode}
            onChange={(event) => {
              setMode(event.target.value as typeof mode);
              edited();
            }}
            aria-label={translate('kassa.orders.refund.what')}
          >
            <FormControlLabel value="full" control={<Radio />} label={translate('kassa.orders.refund.full', { amount: money(payment.refundable) })} />
            <FormControlLabel value="amount" control={<Radio />} label={translate('kassa.orders.refund.partial_amount')} />
            <FormControlLabel value="lines" control={<Radio />} label={translate('kassa.orders.refund.partial_lines')} />
          </RadioGroup>
          {mode === 'amount' && (
            <TextField
              fullWidth
              margin="dense"
              name="amount"
              label={translate('kassa.orders.refund.amount')}
              value={amountText}
              onChange={(event) => {
                setAmountText(event.target.value);
                edited();
              }}
              error={problems.amount !== undefined}
              helperText={problems.amount ?? translate('kassa.orders.refund.amount_help')}
              slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off' } }}
            />
          )}
          {mode === 'lines' && (
            <Box>
              <Table size="small" aria-label={translate('kassa.orders.refund.partial_lines')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('kassa.orders.lines.product')}</TableCell>
                    <TableCell align="right">{translate('kassa.orders.lines.unit_price')}</TableCell>
                    <TableCell align="right" sx={{ width: 110 }}>
                      {translate('kassa.orders.refund.quantity')}
                    </TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {order.lines.map((line) => (
                    <TableRow key={line.id}>
                      <TableCell>{`${line.quantity} × ${localizedName(line, locale)}`}</TableCell>
                      <TableCell align="right" sx={numeric}>
                        {money(Math.round(line.lineTotal / line.quantity))}
                      </TableCell>
                      <TableCell align="right">
                        <TextField
                          size="small"
                          type="number"
                          name={`quantity-${line.id}`}
                          value={quantities[line.id] ?? ''}
                          placeholder="0"
                          onChange={(event) => {
                            setQuantities({ ...quantities, [line.id]: event.target.value });
                            edited();
                          }}
                          disabled={(left.get(line.id) ?? 0) < 1}
                          slotProps={{ htmlInput: { min: 0, max: left.get(line.id) ?? 0, step: 1, 'aria-label': translate('kassa.orders.refund.quantity_of', { name: localizedName(line, locale) }) } }}
                        />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <Typography variant="body2" sx={{ mt: 1, textAlign: 'right', ...numeric }}>
                {translate('kassa.orders.refund.lines_worth', { amount: money(linesWorth) })}
              </Typography>
              {problems.lines && (
                <Typography variant="caption" color="error" component="p" role="alert">
                  {problems.lines}
                </Typography>
              )}
            </Box>
          )}
          <TextField
            fullWidth
            multiline
            minRows={2}
            margin="dense"
            name="reason"
            required
            label={translate('kassa.orders.refund.reason')}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              edited();
            }}
            error={problems.reason !== undefined}
            helperText={problems.reason ?? translate('kassa.orders.refund.reason_help')}
            slotProps={{ htmlInput: { maxLength: MAX_REASON } }}
          />
          <FormControlLabel
            control={
              <Checkbox
                checked={restock}
                onChange={(event) => {
                  setRestock(event.target.checked);
                  edited();
                }}
              />
            }
            label={translate('kassa.orders.refund.restock')}
          />
          {problems.restock && (
            <Typography variant="caption" color="error" component="p" role="alert">
              {problems.restock}
            </Typography>
          )}
          {problems.form && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {problems.form}
            </Alert>
          )}
          {confirming && ready && (
            <Alert severity="warning" sx={{ mt: 1 }} className="refund-confirmation">
              {translate('kassa.orders.refund.confirm_text', { amount: money(built.amount) })}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button type="submit" variant="contained" color={confirming ? 'error' : 'primary'} disabled={busy} startIcon={<UndoIcon />}>
            {translate(confirming ? 'kassa.orders.refund.confirm' : 'kassa.orders.refund.next')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};

const PaymentCard = ({ payment, timeZone }: { payment: PaymentHistory; timeZone: string }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const money = (amount: number) => formatMoney(amount, locale, payment.currency);
  return (
    <Box className="order-payment" data-status={payment.status}>
      <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', mb: 1 }}>
        <Fact label={translate('kassa.orders.payment.method')}>{translate(`kassa.orders.payment_methods.${payment.method}`, { _: payment.method })}</Fact>
        <Fact label={translate('kassa.orders.payment.status')}>
          <span className="order-payment-status">{translate(`kassa.orders.payment_statuses.${payment.status}`, { _: payment.status })}</span>
        </Fact>
        <Fact label={translate('kassa.orders.payments.amount')}>{money(payment.amount)}</Fact>
        <Fact label={translate('kassa.orders.payments.refunded')}>
          <span className="order-payment-refunded">{money(payment.refundedAmount)}</span>
        </Fact>
      </Box>
      <Table size="small" aria-label={translate('kassa.orders.payments.events')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('kassa.orders.timeline.when')}</TableCell>
            <TableCell>{translate('kassa.orders.payments.event')}</TableCell>
            <TableCell align="right">{translate('kassa.orders.payments.amount')}</TableCell>
            <TableCell>{translate('kassa.orders.timeline.by')}</TableCell>
            <TableCell>{translate('kassa.orders.payments.reference')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {payment.events.map((event) => (
            <TableRow key={event.id} className="payment-event" data-kind={event.kind}>
              <TableCell sx={numeric}>{dateTime(event.at, timeZone, locale)}</TableCell>
              <TableCell>
                {translate(`kassa.orders.payments.kinds.${event.kind}`, { _: event.kind })}
                <Typography variant="caption" component="div" color="text.secondary">
                  {`${event.fromStatus ? `${translate(`kassa.orders.payment_statuses.${event.fromStatus}`, { _: event.fromStatus })} → ` : ''}${translate(`kassa.orders.payment_statuses.${event.toStatus}`, { _: event.toStatus })}`}
                </Typography>
                {event.reason && (
                  <Typography variant="caption" component="div">
                    {event.reason}
                  </Typography>
                )}
              </TableCell>
              <TableCell align="right" sx={numeric}>
                {money(event.amount)}
              </TableCell>
              <TableCell>{actorLabel(event.actor, translate)}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', fontSize: '0.75rem', wordBreak: 'break-all' }}>{event.providerReference ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography variant="body2" component="div">
      {children}
    </Typography>
  </Box>
);

/**
 * Every payment of the order with its log (status changes, provider calls, refunds) and the
 * refund action: everything left, an amount in kronor, or lines, with a reason.
 */
export const OrderPaymentsPanel = ({ order, timeZone }: { order: OrderDetail; timeZone: string }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KassaDataProvider>();
  const { refetch } = useShowContext<OrderDetail>();
  const [found, setFound] = useState<OrderPayments | null>(null);
  const [failed, setFailed] = useState(false);
  const [refunding, setRefunding] = useState<PaymentHistory | null>(null);
  // The order page refreshes itself; a new status or timeline entry means the payments may have moved too.
  const version = `${order.status}|${order.timeline.length}|${order.payment?.status ?? ''}`;

  const load = useCallback(async () => {
    try {
      setFound(await dataProvider.orderPayments({ id: order.id }));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [dataProvider, order.id]);

  useEffect(() => {
    void load();
  }, [load, version]);

  if (failed && found === null) return <Alert severity="error">{translate('ra.notification.http_error')}</Alert>;
  if (found === null) return <LinearProgress />;
  if (found.payments.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('kassa.orders.payment.none')}
      </Typography>
    );
  }
  return (
    <Stack spacing={2}>
      {found.payments.map((payment) => (
        <Box key={payment.id}>
          <PaymentCard payment={payment} timeZone={timeZone} />
          {payment.refundable > 0 && (
            <Box sx={{ mt: 1 }}>
              <Button variant="outlined" color="warning" startIcon={<UndoIcon />} onClick={() => setRefunding(payment)}>
                {translate('kassa.orders.refund.action')}
              </Button>
            </Box>
          )}
        </Box>
      ))}
      {refunding && (
        <RefundDialog
          order={order}
          payment={refunding}
          refunds={found.refunds}
          onClose={() => setRefunding(null)}
          onDone={() => {
            void load();
            void refetch();
          }}
        />
      )}
    </Stack>
  );
};
