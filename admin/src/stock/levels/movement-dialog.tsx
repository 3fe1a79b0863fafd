import {
  Form,
  HttpError,
  maxLength,
  number,
  NumberInput,
  required,
  SaveButton,
  TextInput,
  useCreate,
  useNotify,
  useRefresh,
  useTranslate,
  type Validator,
} from 'react-admin';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, InputAdornment, Typography } from '@mui/material';
import type { ManualMovementKind, StockLevel, StockMovement } from '../../types';

type MovementInput = Pick<StockMovement, 'storeId' | 'stockItemId' | 'quantity' | 'reason'> & { kind: ManualMovementKind };

interface MovementValues {
  quantity?: number;
  reason?: string;
}

const wholeNumber: Validator = (value: unknown) =>
  typeof value === 'number' && !Number.isInteger(value) ? 'kassa.stock.whole_number' : undefined;

const positive: Validator = (value: unknown) =>
  typeof value === 'number' && value <= 0 ? 'kassa.stock.positive' : undefined;

const notZero: Validator = (value: unknown) => (value === 0 ? 'kassa.stock.not_zero' : undefined);

const notNegative: Validator = (value: unknown) =>
  typeof value === 'number' && value < 0 ? 'kassa.stock.not_negative' : undefined;

// Adjustments are signed changes, deliveries and waste positive amounts, a count the on-hand figure.
const quantityRules: Record<ManualMovementKind, Validator[]> = {
  adjustment: [required(), number(), wholeNumber, notZero],
  delivery: [required(), number(), wholeNumber, positive],
  waste: [required(), number(), wholeNumber, positive],
  count: [required(), number(), wholeNumber, notNegative],
};

interface MovementDialogProps {
  kind: ManualMovementKind;
  level: StockLevel;
  onClose: () => void;
}

/** A small form for one stock movement at the level's store; the list refreshes after it. */
export const MovementDialog = ({ kind, level, onClose }: MovementDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [create, { isPending }] = useCreate<StockMovement>();
  const unit = translate(`kassa.units.${level.unit}`);

  // Returns field errors (e.g. INSUFFICIENT_STOCK naming quantity) to the form instead of throwing.
  const submit = async (values: MovementValues) => {
    const data: MovementInput = {
      storeId: level.storeId,
      stockItemId: level.stockItemId,
      kind,
      quantity: values.quantity ?? 0,
      reason: values.reason?.trim() ?? '',
    };
    try {
      await create('stock-movements', { data }, { returnPromise: true });
    } catch (error) {
      if (error instanceof HttpError) {
        const body: unknown = error.body;
        const errors =
          typeof body === 'object' && body !== null && 'errors' in body && typeof body.errors === 'object' ? body.errors : null;
        if (errors !== null) return errors as Record<string, unknown>;
        notify(error.message, { type: 'error' });
        return undefined;
      }
      notify('ra.notification.http_error', { type: 'error' });
      return undefined;
    }
    notify(`kassa.stock.recorded.${kind}`, { type: 'success' });
    refresh();
    onClose();
    return undefined;
  };

  const titleId = `movement-${kind}-title`;
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="xs">
      <Form onSubmit={submit} defaultValues={{ reason: '' }}>
        <DialogTitle id={titleId}>{translate(`kassa.stock.actions.${kind}`)}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('kassa.stock.dialog_item', {
              name: level.name,
              sku: level.sku,
              onHand: level.onHand,
              unit,
            })}
          </Typography>
          <NumberInput
            source="quantity"
            label={`kassa.stock.quantity_labels.${kind}`}
            helperText={`kassa.stock.quantity_help.${kind}`}
            step={1}
            validate={quantityRules[kind]}
            autoFocus
            fullWidth
            slotProps={{ input: { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> } }}
          />
          <TextInput
            source="reason"
            label="resources.stock-movements.fields.reason"
            validate={[required(), maxLength(500)]}
            fullWidth
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={isPending}>
            {translate('ra.action.cancel')}
          </Button>
          <SaveButton label={`kassa.stock.save.${kind}`} />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
