import { useState, type ReactNode } from 'react';
import {
  Confirm,
  Show,
  TopToolbar,
  useDataProvider,
  useLocale,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { Alert, Box, Button, Card, CardContent, LinearProgress, Link, Stack, Typography } from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import type { KassaDataProvider } from '../data/data-provider';
import { dateTime } from '../orders';
import { useCurrentStore } from '../stores';
import type { NotificationDetail, NotificationStatus, NotificationSummary } from '../types';
import { OrderLink } from './notification-list';
import { NotificationStatusChip } from './notification-status-chip';
import { HtmlPreview } from './html-preview';

const FALLBACK_TIME_ZONE = 'Europe/Stockholm';

/** react-admin shows the list row while the detail loads; only the detail has the message itself. */
const isNotificationDetail = (notification: NotificationSummary | NotificationDetail | undefined): notification is NotificationDetail =>
  notification !== undefined && typeof (notification as Partial<NotificationDetail>).text === 'string';

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" component="section" aria-label={translate(title)}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

const Fact = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography variant="body2" component="div" sx={{ wordBreak: 'break-word' }}>
        {children}
      </Typography>
    </Box>
  );
};

const Mono = ({ children }: { children: ReactNode }) => (
  <Box component="span" sx={{ fontFamily: 'monospace', fontSize: '0.85rem', wordBreak: 'break-all' }}>
    {children}
  </Box>
);

const NotificationTitle = () => {
  const notification = useRecordContext<NotificationSummary>();
  const translate = useTranslate();
  if (!notification) return null;
  const kind = translate(`kassa.notifications.kinds.${notification.kind}`, { _: notification.kind });
  return <>{translate('kassa.notifications.show_title', { kind, recipient: notification.recipient })}</>;
};

/** Sends the message again as a new notification (after a confirmation), then opens that one. */
const ResendButton = () => {
  const notification = useRecordContext<NotificationSummary>();
  const dataProvider = useDataProvider<KassaDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!notification) return null;
  const resend = async () => {
    setBusy(true);
    try {
      const created = await dataProvider.resendNotification({ id: notification.id });
      notify('kassa.notifications.resent', { type: 'success' });
      redirect('show', 'notifications', created.id);
    } catch (error) {
      notify(error instanceof Error ? error.message : translate('ra.notification.http_error'), { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button variant="contained" startIcon={<SendIcon />} disabled={busy} onClick={() => setOpen(true)}>
        {translate('kassa.notifications.resend.button')}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="kassa.notifications.resend.title"
        content="kassa.notifications.resend.body"
        contentTranslateOptions={{ recipient: notification.recipient }}
        confirm="kassa.notifications.resend.confirm"
        onConfirm={() => void resend()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

/** The API refuses to resend what has not gone out yet. */
const NOT_YET_SENT: readonly NotificationStatus[] = ['scheduled', 'queued', 'sending'];

/** A message queued or being sent (a resend, a retry) is asked for again until it is through. */
const ON_ITS_WAY_REFRESH_MS = 2_000;
const isOnItsWay = (notification: Partial<NotificationSummary> | undefined): boolean =>
  notification?.status === 'queued' || notification?.status === 'sending';

// Every role may resend (a customer at the counter who lost the e-mail); the API agrees.
const NotificationShowActions = () => {
  const notification = useRecordContext<NotificationSummary>();
  return <TopToolbar>{notification && !NOT_YET_SENT.includes(notification.status) && <ResendButton />}</TopToolbar>;
};

const Delivery = ({ notification, timeZone }: { notification: NotificationSummary; timeZone: string }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const at = (instant: string | null) => (instant ? dateTime(instant, timeZone, locale) : '–');
  return (
    <Section title="kassa.notifications.sections.delivery">
      <Stack spacing={1.5}>
        <Box>
          <NotificationStatusChip status={notification.status} size="medium" />
        </Box>
        {notification.status === 'logged' && <Alert severity="warning">{translate('kassa.notifications.logged_note')}</Alert>}
        {notification.error && (
          <Alert severity="error">
            <Box component="span" sx={{ fontWeight: 600 }}>
              {translate('resources.notifications.fields.error')}:{' '}
            </Box>
            {notification.error}
          </Alert>
        )}
        <Fact label="resources.notifications.fields.kind">
          {translate(`kassa.notifications.kinds.${notification.kind}`, { _: notification.kind })}
        </Fact>
        <Fact label="resources.notifications.fields.channel">
          {translate(`kassa.notifications.channels.${notification.channel}`, { _: notification.channel })}
          {` · ${translate(`kassa.locales.${notification.locale}`, { _: notification.locale })}`}
        </Fact>
        <Fact label="resources.notifications.fields.recipient">
          <Mono>{notification.recipient}</Mono>
        </Fact>
        {notification.orderId && (
          <Fact label="resources.notifications.fields.orderNumber">
            <OrderLink notification={notification} />
          </Fact>
        )}
        <Fact label="resources.notifications.fields.createdAt">{at(notification.createdAt)}</Fact>
        {notification.scheduledFor && <Fact label="resources.notifications.fields.scheduledFor">{at(notification.scheduledFor)}</Fact>}
        {notification.nextAttemptAt && <Fact label="resources.notifications.fields.nextAttemptAt">{at(notification.nextAttemptAt)}</Fact>}
        <Fact label="resources.notifications.fields.sentAt">{at(notification.sentAt)}</Fact>
        <Fact label="resources.notifications.fields.attempts">{notification.attempts}</Fact>
        <Fact label="resources.notifications.fields.provider">
          {notification.provider === null ? '–' : translate(`kassa.notifications.providers.${notification.provider}`, { _: notification.provider })}
        </Fact>
        {notification.resentFrom && (
          <Fact label="resources.notifications.fields.resentFrom">
            <Link component={RouterLink} to={`/notifications/${encodeURIComponent(notification.resentFrom)}/show`}>
              {translate('kassa.notifications.original')}
            </Link>
          </Fact>
        )}
        {notification.providerMessageId && (
          <Fact label="resources.notifications.fields.providerMessageId">
            <Mono>{notification.providerMessageId}</Mono>
          </Fact>
        )}
      </Stack>
    </Section>
  );
};

const Message = ({ notification }: { notification: NotificationSummary | NotificationDetail }) => {
  const translate = useTranslate();
  const detail = isNotificationDetail(notification) ? notification : null;
  return (
    <Section title="kassa.notifications.sections.message">
      <Stack spacing={2}>
        {notification.subject !== null && (
          <Fact label="resources.notifications.fields.subject">
            <Box component="span" sx={{ fontWeight: 600 }}>
              {notification.subject}
            </Box>
          </Fact>
        )}
        {detail === null ? (
          <LinearProgress />
        ) : (
          <>
            <Box role="group" aria-label={translate('kassa.notifications.text')}>
              <Typography variant="caption" color="text.secondary" component="div">
                {translate('kassa.notifications.text')}
              </Typography>
              <Box
                component="pre"
                className="notification-text"
                sx={{ m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'inherit', fontSize: '0.9rem' }}
              >
                {detail.text}
              </Box>
            </Box>
            {detail.html && <HtmlPreview html={detail.html} title={translate('kassa.notifications.html')} />}
          </>
        )}
      </Stack>
    </Section>
  );
};

const NotificationDetailView = () => {
  const notification = useRecordContext<NotificationSummary | NotificationDetail>();
  const { stores } = useCurrentStore();
  if (!notification) return null;
  const timeZone = stores.find((store) => store.id === notification.storeId)?.timezone ?? FALLBACK_TIME_ZONE;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 2fr) minmax(0, 1fr)' }, gap: 2, alignItems: 'start' }}>
      <Box sx={{ minWidth: 0 }}>
        <Message notification={notification} />
      </Box>
      <Box sx={{ minWidth: 0 }}>
        <Delivery notification={notification} timeZone={timeZone} />
      </Box>
    </Box>
  );
};

/** One message: what was sent (text, and the e-mail's HTML), to whom, how delivery went; resend for owners and managers. */
export const NotificationShow = () => (
  <Show
    title={<NotificationTitle />}
    actions={<NotificationShowActions />}
    component="div"
    queryOptions={{ refetchInterval: (query) => (isOnItsWay(query.state.data) ? ON_ITS_WAY_REFRESH_MS : false) }}
  >
    <NotificationDetailView />
  </Show>
);
