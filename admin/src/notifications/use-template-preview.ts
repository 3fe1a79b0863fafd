import { useEffect, useRef, useState } from 'react';
import { HttpError, useDataProvider, useTranslate } from 'react-admin';
import { isApiErrorBody } from '../data/api-error';
import type { KassaDataProvider } from '../data/data-provider';
import type { NotificationPreview, NotificationTemplate } from '../types';

/** How long typing must pause before the preview is asked for again. */
export const PREVIEW_DEBOUNCE_MS = 300;

/** The fields the preview endpoint may name in a 400. */
export type TemplateTextField = 'subject' | 'body';

export interface TemplatePreviewState {
  /** The last good rendering; kept while a newer one loads or after a mistake, so the panel does not jump. */
  preview: NotificationPreview | null;
  /** What the API found wrong, per field (unknown placeholders). */
  fieldErrors: Partial<Record<TemplateTextField, string>>;
  /** Anything else that went wrong (network, server). */
  problem: string | null;
  pending: boolean;
}

type Translate = ReturnType<typeof useTranslate>;

/**
 * The template language's usual mistakes (libs/notifications template-renderer and
 * templateProblems) in the console's language; anything else as the API says it.
 */
export const templateProblemText = (reason: string, translate: Translate): string => {
  const unknown = /^unknown placeholders? (.+?); use /.exec(reason);
  if (unknown) return translate('kassa.templates.errors.unknown', { names: unknown[1], smart_count: unknown[1].split(', ').length });
  const unclosedSection = /^(\{\{[#^]\w+\}\}) is never closed with (\{\{\/\w+\}\})$/.exec(reason);
  if (unclosedSection) return translate('kassa.templates.errors.unclosed_section', { open: unclosedSection[1], close: unclosedSection[2] });
  if (reason === 'a "{{" is never closed with "}}"') return translate('kassa.templates.errors.unclosed_tag');
  const closesNothing = /^(\{\{\/\w+\}\}) closes nothing/.exec(reason);
  if (closesNothing) return translate('kassa.templates.errors.closes_nothing', { close: closesNothing[1] });
  const notPlaceholder = /^"(.+)" is not a placeholder;/.exec(reason);
  if (notPlaceholder) return translate('kassa.templates.errors.not_placeholder', { tag: notPlaceholder[1] });
  return reason;
};

const fieldErrorsOf = (error: unknown, translate: Translate): Partial<Record<TemplateTextField, string>> | null => {
  if (!(error instanceof HttpError) || error.status !== 400 || !isApiErrorBody(error.body)) return null;
  const errors: Partial<Record<TemplateTextField, string>> = {};
  for (const detail of error.body.details ?? []) {
    if (detail?.field !== 'subject' && detail?.field !== 'body') continue;
    const previous = errors[detail.field];
    const reason = templateProblemText(detail.reason, translate);
    errors[detail.field] = previous ? `${previous}; ${reason}` : reason;
  }
  if (Object.keys(errors).length > 0) return errors;
  // A 400 that names no field of ours is still about the text: show it at the body.
  return { body: error.body.message };
};

/**
 * Renders the template as it is being edited: asks the API once typing pauses for
 * PREVIEW_DEBOUNCE_MS, keeps only the answer to the latest request, and turns a 400 naming
 * `subject` or `body` into an error for that field.
 */
export const useTemplatePreview = (
  /** Undefined while the template loads: nothing is asked for yet. */
  template: Pick<NotificationTemplate, 'kind' | 'channel' | 'locale'> | undefined,
  subject: string | null | undefined,
  body: string | undefined,
): TemplatePreviewState => {
  const dataProvider = useDataProvider<KassaDataProvider>();
  const translate = useTranslate();
  const [state, setState] = useState<TemplatePreviewState>({ preview: null, fieldErrors: {}, problem: null, pending: true });
  const latest = useRef(0);
  const kind = template?.kind;
  const channel = template?.channel;
  const locale = template?.locale;

  useEffect(() => {
    if (kind === undefined || channel === undefined || locale === undefined) return;
    const request = ++latest.current;
    setState((previous) => ({ ...previous, pending: true }));
    const timer = setTimeout(() => {
      dataProvider
        .previewNotificationTemplate({
          kind,
          channel,
          locale,
          body: body ?? '',
          ...(channel === 'email' ? { subject: subject ?? '' } : {}),
        })
        .then((preview) => {
          if (request === latest.current) setState({ preview, fieldErrors: {}, problem: null, pending: false });
        })
        .catch((error: unknown) => {
          if (request !== latest.current) return;
          const fieldErrors = fieldErrorsOf(error, translate);
          setState((previous) => ({
            preview: previous.preview,
            fieldErrors: fieldErrors ?? {},
            problem: fieldErrors ? null : error instanceof Error ? error.message : translate('ra.notification.http_error'),
            pending: false,
          }));
        });
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [dataProvider, translate, kind, channel, locale, subject, body]);

  return state;
};
