import { Fragment } from 'react';
import { Title, useGetOne, useLocale, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import {
  Box,
  Button,
  Chip,
  IconButton,
  LinearProgress,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { StoreScoped, storeToday } from '../stores';
import type { DayLoad, SlotLoad, Store } from '../types';
import { addDays, localClock, longDate } from './clock';
import { BusyModeControl } from './busy-mode';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

type LoadLevel = 'low' | 'busy' | 'high' | 'full';

/** How full a slot is, by its fullest measure: green below 60 %, amber below 85 %, red, then full. */
const levelOf = (ratio: number): LoadLevel => (ratio >= 1 ? 'full' : ratio >= 0.85 ? 'high' : ratio >= 0.6 ? 'busy' : 'low');
const barColour: Record<LoadLevel, 'success' | 'warning' | 'error'> = { low: 'success', busy: 'warning', high: 'error', full: 'error' };

const measures = [
  { key: 'orders', booked: 'orders', cap: 'maxOrders', label: 'kassa.pickup.day.orders' },
  { key: 'items', booked: 'items', cap: 'maxItems', label: 'kassa.pickup.day.items' },
  { key: 'kitchen', booked: 'kitchenMinutes', cap: 'maxKitchenMinutes', label: 'kassa.pickup.day.kitchen' },
] as const;

const slotRatio = (slot: SlotLoad): number =>
  Math.max(
    0,
    ...measures.map(({ booked, cap }) => {
      const max = slot.capacity[cap];
      if (max === null) return 0;
      return max === 0 ? 1 : slot.booked[booked] / max;
    }),
  );

const LoadCell = ({ slot, measure }: { slot: SlotLoad; measure: (typeof measures)[number] }) => {
  const translate = useTranslate();
  const booked = slot.booked[measure.booked];
  const max = slot.capacity[measure.cap];
  const ratio = max === null ? null : max === 0 ? 1 : booked / max;
  return (
    <TableCell align="right" className={`column-${measure.key}`}>
      <Box component="span" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {`${booked} / ${max ?? '∞'}`}
      </Box>
      {ratio === null ? (
        <Typography variant="caption" component="div" color="text.secondary">
          {translate('kassa.pickup.no_limit')}
        </Typography>
      ) : (
        <LinearProgress
          variant="determinate"
          value={Math.min(100, ratio * 100)}
          color={barColour[levelOf(ratio)]}
          sx={{ mt: 0.5, height: 6, borderRadius: 3 }}
          aria-hidden
        />
      )}
    </TableCell>
  );
};

/** A row saying the store is closed between two slots that do not touch. */
const ClosedRow = ({ from, to, timezone }: { from: string; to: string; timezone: string }) => {
  const translate = useTranslate();
  return (
    <TableRow>
      <TableCell colSpan={5} sx={{ bgcolor: 'action.hover', color: 'text.secondary', fontStyle: 'italic', py: 0.5 }}>
        {translate('kassa.pickup.day.closed_between', { from: localClock(from, timezone), to: localClock(to, timezone) })}
      </TableCell>
    </TableRow>
  );
};

const SlotTable = ({ day }: { day: DayLoad }) => {
  const translate = useTranslate();
  const locale = useLocale();
  if (day.slots.length === 0) {
    return (
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography color="text.secondary">{translate('kassa.pickup.day.closed_all_day')}</Typography>
      </Paper>
    );
  }
  return (
    <Paper variant="outlined">
      <Table size="small" aria-label={translate('kassa.pickup.day.slots_table', { date: longDate(day.date, locale) })}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('kassa.pickup.day.time')}</TableCell>
            {measures.map((measure) => (
              <TableCell key={measure.key} align="right" sx={{ width: '22%' }}>
                {translate(measure.label)}
              </TableCell>
            ))}
            <TableCell align="right">{translate('kassa.pickup.day.holds')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {day.slots.map((slot, index) => {
            const previous = day.slots[index - 1];
            const gap = previous !== undefined && Date.parse(previous.end) < Date.parse(slot.start);
            const full = levelOf(slotRatio(slot)) === 'full';
            return (
              <Fragment key={slot.start}>
                {gap && <ClosedRow from={previous.end} to={slot.start} timezone={day.timezone} />}
                <TableRow>
                  <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                    {`${localClock(slot.start, day.timezone)}–${localClock(slot.end, day.timezone)}`}
                    {full && <Chip size="small" color="error" label={translate('kassa.pickup.day.full')} sx={{ ml: 1 }} />}
                  </TableCell>
                  {measures.map((measure) => (
                    <LoadCell key={measure.key} slot={slot} measure={measure} />
                  ))}
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {translate('kassa.pickup.day.holds_value', { confirmed: slot.confirmedHolds, active: slot.activeHolds })}
                  </TableCell>
                </TableRow>
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
    </Paper>
  );
};

const DayView = ({ store }: { store: Store }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const today = storeToday(store);
  const asked = params.get('date');
  const date = asked && DATE.test(asked) ? asked : today;
  const setDate = (next: string) => setParams(next === today ? {} : { date: next }, { replace: true });
  const { data: day } = useGetOne<DayLoad & { id: string }>(
    'pickup-load',
    { id: date, meta: { storeId: store.id } },
    { refetchInterval: 30_000, placeholderData: (previous) => previous },
  );
  return (
    <Box sx={{ pt: 1 }}>
      <BusyModeControl storeId={store.id} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1, flexWrap: 'wrap' }}>
        <Tooltip title={translate('kassa.pickup.day.previous')}>
          <IconButton aria-label={translate('kassa.pickup.day.previous')} onClick={() => setDate(addDays(date, -1))}>
            <ChevronLeftIcon />
          </IconButton>
        </Tooltip>
        <TextField
          type="date"
          size="small"
          label={translate('kassa.pickup.day.date')}
          value={date}
          onChange={(event) => DATE.test(event.target.value) && setDate(event.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          fullWidth={false}
          sx={{ width: 180 }}
        />
        <Tooltip title={translate('kassa.pickup.day.next')}>
          <IconButton aria-label={translate('kassa.pickup.day.next')} onClick={() => setDate(addDays(date, 1))}>
            <ChevronRightIcon />
          </IconButton>
        </Tooltip>
        <Button onClick={() => setDate(today)} disabled={date === today}>
          {translate('kassa.pickup.day.today')}
        </Button>
        <Typography variant="h6" component="h2" sx={{ ml: 2, textTransform: 'capitalize' }}>
          {longDate(date, locale)}
        </Typography>
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('kassa.pickup.day.auto_refresh', { timezone: day?.timezone ?? store.timezone })}
      </Typography>
      {/* While another day loads, the last one stays (its table names its date) under a progress bar. */}
      {(!day || day.date !== date) && <LinearProgress sx={{ mb: 1 }} />}
      {day && <SlotTable day={day} />}
    </Box>
  );
};

/** A day's pickup slots with what is booked against each one's capacity, and busy mode on top. */
export const PickupDayPage = () => (
  <>
    <Title title="kassa.pickup.day.title" />
    <StoreScoped>
      {(storeId, current) => {
        const store = current.stores.find((candidate) => candidate.id === storeId);
        return store ? <DayView key={storeId} store={store} /> : null;
      }}
    </StoreScoped>
  </>
);
