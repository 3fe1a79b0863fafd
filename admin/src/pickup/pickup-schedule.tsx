import type { ReactNode } from 'react';
import {
  Edit,
  maxValue,
  minValue,
  NumberInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  Toolbar,
  useRecordContext,
  useTranslate,
  type Validator,
} from 'react-admin';
import { Alert, Box, Typography } from '@mui/material';
import { WEEKDAYS, type PickupScheduleRecord } from '../data/pickup-schedule-form';
import { StoreScoped } from '../stores';
import { WindowsInput } from './windows-input';

export const SLOT_LENGTHS = [5, 10, 15, 30] as const;

const wholeNumber: Validator = (value) =>
  value === null || value === undefined || value === '' || Number.isInteger(value) ? undefined : 'kassa.pickup.whole_number';

// The API's limits (libs/slots PickupScheduleDto).
const setting = (max: number) => [required(), wholeNumber, minValue(0), maxValue(max)];
const cap = [wholeNumber, minValue(0), maxValue(100_000)];

const Section = ({ title, children }: { title: string; children?: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
      {translate(title)}
      {children}
    </Typography>
  );
};

const ScheduleHeading = () => {
  const record = useRecordContext<PickupScheduleRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      {!record.configured && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate('kassa.pickup.schedule.defaults_note')}
        </Alert>
      )}
      <Section title="kassa.pickup.schedule.hours" />
      <Typography variant="body2" color="text.secondary">
        {translate('kassa.pickup.schedule.hours_help', { timezone: record.timezone })}
      </Typography>
    </>
  );
};

const ScheduleToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** The weekly hours, slot grid and default capacity of the current store. */
export const PickupSchedulePage = () => {
  const translate = useTranslate();
  const slotChoices = SLOT_LENGTHS.map((minutes) => ({ id: minutes, name: translate('kassa.pickup.minutes', { minutes }) }));
  return (
    <StoreScoped>
      {(storeId) => (
        <Edit
          key={storeId}
          resource="pickup-schedule"
          id={storeId}
          title="kassa.pickup.schedule.title"
          mutationMode="pessimistic"
          redirect={false}
          actions={false}
        >
          <SimpleForm toolbar={<ScheduleToolbar />} sx={{ maxWidth: 760 }}>
            <ScheduleHeading />
            {WEEKDAYS.map((weekday, index) => (
              <Box key={weekday} role="group" aria-label={translate(`kassa.pickup.weekdays.${weekday}`)} sx={{ width: '100%' }}>
                <WindowsInput source={`days.${index}.windows`} label={`kassa.pickup.weekdays.${weekday}`} />
              </Box>
            ))}
            <Section title="kassa.pickup.schedule.slots" />
            <SelectInput
              source="slotMinutes"
              label="kassa.pickup.schedule.slotMinutes"
              choices={slotChoices}
              translateChoice={false}
              validate={required()}
            />
            <NumberInput
              source="leadMinutes"
              label="kassa.pickup.schedule.leadMinutes"
              step={5}
              validate={setting(1440)}
              helperText="kassa.pickup.schedule.lead_help"
            />
            <NumberInput
              source="daysAhead"
              label="kassa.pickup.schedule.daysAhead"
              step={1}
              validate={setting(60)}
              helperText="kassa.pickup.schedule.days_ahead_help"
            />
            <NumberInput
              source="cutoffMinutes"
              label="kassa.pickup.schedule.cutoffMinutes"
              step={5}
              validate={setting(240)}
              helperText="kassa.pickup.schedule.cutoff_help"
            />
            <Section title="kassa.pickup.schedule.capacity" />
            <Typography variant="body2" color="text.secondary">
              {translate('kassa.pickup.schedule.capacity_help')}
            </Typography>
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
              <NumberInput source="maxOrders" label="kassa.pickup.schedule.maxOrders" step={1} validate={cap} helperText={false} />
              <NumberInput source="maxItems" label="kassa.pickup.schedule.maxItems" step={1} validate={cap} helperText={false} />
              <NumberInput
                source="maxKitchenMinutes"
                label="kassa.pickup.schedule.maxKitchenMinutes"
                step={5}
                validate={cap}
                helperText="kassa.pickup.schedule.kitchen_help"
              />
            </Box>
          </SimpleForm>
        </Edit>
      )}
    </StoreScoped>
  );
};
