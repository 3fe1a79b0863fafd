import { useCallback, useRef, useState } from 'react';
import {
  Confirm,
  Edit,
  Form,
  FormDataConsumer,
  required,
  SaveButton,
  Show,
  Toolbar,
  useDataProvider,
  useEditContext,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import RestoreIcon from '@mui/icons-material/Restore';
import type { KassaDataProvider } from '../data/data-provider';
import type { NotificationTemplate, NotificationTemplateInput } from '../types';
import { PlaceholderChips } from './placeholder-chips';
import { TemplatePreviewPanel } from './template-preview-panel';
import { TemplateTextInput, type TemplateFieldControl } from './template-text-input';
import { useTemplatePreview, type TemplateTextField } from './use-template-preview';

/** What PUT takes: the body, and the subject for e-mail only. */
export const toTemplateInput = (data: Partial<NotificationTemplate>): NotificationTemplateInput => ({
  body: data.body ?? '',
  ...(data.channel === 'email' ? { subject: data.subject ?? '' } : {}),
});

/** "Orderbekräftelse · E-post · Svenska". */
export const useTemplateName = () => {
  const translate = useTranslate();
  return (template: Pick<NotificationTemplate, 'kind' | 'channel' | 'locale'>) =>
    [
      translate(`kassa.notifications.kinds.${template.kind}`, { _: template.kind }),
      translate(`kassa.notifications.channels.${template.channel}`, { _: template.channel }),
      translate(`kassa.locales.${template.locale}`, { _: template.locale }),
    ].join(' · ');
};

const TemplateTitle = () => {
  const template = useRecordContext<NotificationTemplate>();
  const translate = useTranslate();
  const name = useTemplateName();
  return <>{template ? translate('kassa.templates.edit_title', { name: name(template) }) : ''}</>;
};

/** "Own text" or "Kassa's default", as a chip. */
export const CustomisedChip = ({ customised }: { customised: boolean }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={customised ? 'primary' : 'default'}
      variant={customised ? 'filled' : 'outlined'}
      label={translate(customised ? 'kassa.templates.customised' : 'kassa.templates.default')}
      className="template-customised"
      data-customised={customised}
    />
  );
};

const TemplateHeading = ({ template }: { template: NotificationTemplate }) => {
  const name = useTemplateName();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1 }}>
      <Typography variant="h6" component="h2">
        {name(template)}
      </Typography>
      <CustomisedChip customised={template.customised} />
    </Box>
  );
};

/**
 * Back to Kassa's text: the API drops the organisation's own (when there is one), and the form
 * shows the default again, unsaved edits included.
 */
const RestoreDefaultButton = ({
  values,
  setText,
}: {
  values: Partial<NotificationTemplate>;
  setText: (template: Pick<NotificationTemplate, 'subject' | 'body'>) => void;
}) => {
  const template = useRecordContext<NotificationTemplate>();
  const { refetch } = useEditContext<NotificationTemplate>();
  const dataProvider = useDataProvider<KassaDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!template) return null;
  const edited = values.body !== template.body || (template.channel === 'email' && (values.subject ?? '') !== (template.subject ?? ''));
  const restore = async () => {
    setBusy(true);
    try {
      if (template.customised) {
        const restored = await dataProvider.restoreNotificationTemplate({ id: template.id });
        setText(restored);
        await refetch();
      } else {
        setText(template);
      }
      notify('kassa.templates.restored', { type: 'success' });
    } catch (error) {
      notify(error instanceof Error ? error.message : translate('ra.notification.http_error'), { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button color="error" startIcon={<RestoreIcon />} disabled={busy || (!template.customised && !edited)} onClick={() => setOpen(true)}>
        {translate('kassa.templates.restore.button')}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="kassa.templates.restore.title"
        content="kassa.templates.restore.body"
        confirm="kassa.templates.restore.confirm"
        onConfirm={() => void restore()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

/** The form's current values come from FormDataConsumer (react-admin does not export useFormValues). */
const TemplateEditor = ({ values }: { values: Partial<NotificationTemplate> }) => {
  const template = useRecordContext<NotificationTemplate>();
  const translate = useTranslate();
  const preview = useTemplatePreview(template, values.subject, values.body);
  const active = useRef<TemplateTextField>('body');
  const fields = useRef<Partial<Record<TemplateTextField, TemplateFieldControl>>>({});
  const registerField = useCallback((source: TemplateTextField, control: TemplateFieldControl | null) => {
    if (control) fields.current[source] = control;
    else delete fields.current[source];
  }, []);
  const onActivate = useCallback((source: TemplateTextField) => {
    active.current = source;
  }, []);
  if (!template) return null;
  const isEmail = template.channel === 'email';

  const insert = (text: string) => (fields.current[active.current] ?? fields.current.body)?.insert(text);
  const setText = (text: Pick<NotificationTemplate, 'subject' | 'body'>) => {
    if (isEmail) fields.current.subject?.replace(text.subject ?? '');
    fields.current.body?.replace(text.body);
  };

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1fr)' }, gap: 2, alignItems: 'start' }}>
      <Card variant="outlined" component="section" aria-label={translate('kassa.templates.text')}>
        <CardContent>
          <TemplateHeading template={template} />
          <Stack spacing={1}>
            {isEmail && (
              <TemplateTextInput
                source="subject"
                label="resources.notification-templates.fields.subject"
                validate={required()}
                previewError={preview.fieldErrors.subject}
                onActivate={onActivate}
                registerField={registerField}
              />
            )}
            <TemplateTextInput
              source="body"
              label="resources.notification-templates.fields.body"
              validate={required()}
              multiline
              helperText={isEmail ? 'kassa.templates.body_help_email' : 'kassa.templates.body_help_sms'}
              previewError={preview.fieldErrors.body}
              onActivate={onActivate}
              registerField={registerField}
            />
            <PlaceholderChips template={template} used={`${values.subject ?? ''}\n${values.body ?? ''}`} onInsert={insert} />
          </Stack>
        </CardContent>
        <Toolbar sx={{ justifyContent: 'space-between', gap: 1 }}>
          <SaveButton />
          <RestoreDefaultButton values={values} setText={setText} />
        </Toolbar>
      </Card>
      <TemplatePreviewPanel template={template} state={preview} />
    </Box>
  );
};

/** Edits one template's subject and body with a live preview; owners and managers only. */
export const TemplateEdit = () => (
  <Edit
    title={<TemplateTitle />}
    mutationMode="pessimistic"
    transform={toTemplateInput}
    redirect={false}
    actions={false}
    component="div"
  >
    <Form warnWhenUnsavedChanges>
      <FormDataConsumer<NotificationTemplate>>{({ formData }) => <TemplateEditor values={formData} />}</FormDataConsumer>
    </Form>
  </Edit>
);

const TemplateReader = () => {
  const template = useRecordContext<NotificationTemplate>();
  const translate = useTranslate();
  const preview = useTemplatePreview(template, template?.subject, template?.body);
  if (!template) return null;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1fr)' }, gap: 2, alignItems: 'start' }}>
      <Card variant="outlined" component="section" aria-label={translate('kassa.templates.text')}>
        <CardContent>
          <TemplateHeading template={template} />
          <Stack spacing={2}>
            {template.subject !== null && (
              <Box>
                <Typography variant="caption" color="text.secondary" component="div">
                  {translate('resources.notification-templates.fields.subject')}
                </Typography>
                <Typography variant="body1">{template.subject}</Typography>
              </Box>
            )}
            <Box>
              <Typography variant="caption" color="text.secondary" component="div">
                {translate('resources.notification-templates.fields.body')}
              </Typography>
              <Box component="pre" sx={{ m: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'inherit' }}>
                {template.body}
              </Box>
            </Box>
            <PlaceholderChips template={template} used={`${template.subject ?? ''}\n${template.body}`} />
          </Stack>
        </CardContent>
      </Card>
      <TemplatePreviewPanel template={template} state={preview} live={false} />
    </Box>
  );
};

/** A template as staff see it: the text and its preview, nothing to change. */
export const TemplateShow = () => (
  <Show title={<TemplateTitle />} actions={false} component="div">
    <TemplateReader />
  </Show>
);
