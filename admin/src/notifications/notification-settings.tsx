import {
  BooleanInput,
  CheckboxGroupInput,
  Edit,
  email,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextArrayInput,
  Toolbar,
  useRecordContext,
  useTranslate,
  type Validator,
} from 'react-admin';
import { Alert, Stack, Typography } from '@mui/material';
import type { NotificationSettings, SmsProvider } from '../types';
import { NOTIFICATION_CHANNELS } from './notification-choices';

/** The settings are one per organisation; the data provider takes any id for them. */
export const NOTIFICATION_SETTINGS_ID = 'organisation';

const SMS_PROVIDERS: readonly SmsProvider[] = ['none', '46elks', 'twilio'];

const everyEmail: Validator = (value: unknown) => {
  if (!Array.isArray(value)) return undefined;
  const check = email('kassa.notification_settings.email_invalid');
  const bad = value.find((address) => check(address, {}) !== undefined);
  return bad === undefined ? undefined : { message: 'kassa.notification_settings.email_invalid_one', args: { address: String(bad) } };
};

const SmsProviderInput = () => {
  const settings = useRecordContext<NotificationSettings>();
  const translate = useTranslate();
  // A provider the server has no credentials for cannot be chosen (but stays shown if it is the current one).
  const choices = SMS_PROVIDERS.map((provider) => ({
    id: provider,
    name: translate(`kassa.notification_settings.providers.${provider}`),
    disabled: provider !== 'none' && provider !== settings?.smsProvider && settings?.smsAvailable?.[provider] !== true,
  }));
  const none = settings !== undefined && SMS_PROVIDERS.every((provider) => provider === 'none' || settings.smsAvailable?.[provider] !== true);
  return (
    <>
      <SelectInput
        source="smsProvider"
        label="kassa.notification_settings.sms_provider"
        choices={choices}
        translateChoice={false}
        validate={required()}
        helperText="kassa.notification_settings.sms_provider_help"
      />
      {none && <Alert severity="info">{translate('kassa.notification_settings.no_sms_provider')}</Alert>}
    </>
  );
};

const SettingsToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** What the server decides (SMTP, reminder time): shown, not edited here. */
const ServerFacts = () => {
  const settings = useRecordContext<NotificationSettings>();
  const translate = useTranslate();
  if (!settings) return null;
  return (
    <Stack spacing={1} sx={{ width: '100%', mb: 1 }}>
      <Typography variant="body2" color="text.secondary">
        {translate('kassa.notification_settings.embedded_note')}
      </Typography>
      {!settings.emailAvailable && <Alert severity="info">{translate('kassa.notification_settings.no_email_server')}</Alert>}
      <Typography variant="body2">
        {settings.reminderMinutes > 0
          ? translate('kassa.notification_settings.reminder', { smart_count: settings.reminderMinutes })
          : translate('kassa.notification_settings.no_reminder')}
      </Typography>
    </Stack>
  );
};

/** SMS provider and the channels customers get messages on, for the whole organisation; owners and managers. */
export const NotificationSettingsPage = () => {
  const translate = useTranslate();
  const channelChoices = NOTIFICATION_CHANNELS.map((channel) => ({ id: channel, name: translate(`kassa.notifications.channels.${channel}`) }));
  return (
    <Edit
      resource="notification-settings"
      id={NOTIFICATION_SETTINGS_ID}
      title="kassa.notification_settings.title"
      mutationMode="pessimistic"
      redirect={false}
      actions={false}
    >
      <SimpleForm toolbar={<SettingsToolbar />} sx={{ maxWidth: 640 }}>
        <ServerFacts />
        <SmsProviderInput />
        <CheckboxGroupInput
          source="customerChannels"
          label="kassa.notification_settings.customer_channels"
          choices={channelChoices}
          translateChoice={false}
          helperText="kassa.notification_settings.customer_channels_help"
        />
        <Typography variant="subtitle1" component="h2" sx={{ mt: 2 }}>
          {translate('kassa.notification_settings.staff_alerts')}
        </Typography>
        <BooleanInput
          source="staffAlertsToManagers"
          label="kassa.notification_settings.staff_alerts_to_managers"
          helperText="kassa.notification_settings.staff_alerts_to_managers_help"
        />
        <TextArrayInput
          source="staffAlertEmails"
          label="kassa.notification_settings.staff_alert_emails"
          helperText="kassa.notification_settings.staff_alert_emails_help"
          validate={everyEmail}
          fullWidth
        />
      </SimpleForm>
    </Edit>
  );
};
