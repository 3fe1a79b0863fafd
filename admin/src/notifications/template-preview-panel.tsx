import { useTranslate } from 'react-admin';
import { Alert, Box, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import type { NotificationTemplate } from '../types';
import { HtmlPreview } from './html-preview';
import type { TemplatePreviewState } from './use-template-preview';

/** The template rendered with the sample order: subject, plain text and, for e-mail, the HTML. */
export const TemplatePreviewPanel = ({
  template,
  state,
  live = true,
}: {
  template: Pick<NotificationTemplate, 'channel'>;
  state: TemplatePreviewState;
  /** While editing: the preview follows the typing. */
  live?: boolean;
}) => {
  const translate = useTranslate();
  const { preview, fieldErrors, problem, pending } = state;
  const stale = Object.keys(fieldErrors).length > 0 || problem !== null;
  return (
    <Card variant="outlined" component="section" aria-label={translate('kassa.templates.preview.title')} aria-busy={pending}>
      <Box sx={{ height: 4 }}>{pending && <LinearProgress aria-hidden />}</Box>
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate('kassa.templates.preview.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate(live ? 'kassa.templates.preview.help' : 'kassa.templates.preview.help_static')}
        </Typography>
        <Stack spacing={2}>
          {problem !== null && <Alert severity="error">{problem}</Alert>}
          {stale && preview !== null && <Alert severity="info">{translate('kassa.templates.preview.stale')}</Alert>}
          {preview === null ? (
            Object.keys(fieldErrors).length > 0 ? (
              <Alert severity="info">{translate('kassa.templates.preview.fix_first')}</Alert>
            ) : (
              problem === null && <LinearProgress />
            )
          ) : (
            <>
              {template.channel === 'email' && preview.subject !== null && (
                <Box>
                  <Typography variant="caption" color="text.secondary" component="div">
                    {translate('kassa.templates.preview.subject')}
                  </Typography>
                  <Typography variant="body1" component="div" className="preview-subject" sx={{ fontWeight: 600, wordBreak: 'break-word' }}>
                    {preview.subject}
                  </Typography>
                </Box>
              )}
              <Box role="group" aria-label={translate('kassa.notifications.text')}>
                <Typography variant="caption" color="text.secondary" component="div">
                  {translate('kassa.notifications.text')}
                </Typography>
                <Box
                  component="pre"
                  className="preview-text"
                  sx={{ m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'inherit', fontSize: '0.9rem' }}
                >
                  {preview.text}
                </Box>
                {template.channel === 'sms' && (
                  <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5 }}>
                    {translate('kassa.templates.preview.sms_length', { smart_count: preview.text.length })}
                  </Typography>
                )}
              </Box>
              {template.channel === 'email' && preview.html && <HtmlPreview html={preview.html} title={translate('kassa.notifications.html')} />}
            </>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
