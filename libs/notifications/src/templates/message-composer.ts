import { NotificationChannel, NotificationKind, NotificationLocale } from '../notification.types';
import { emailHtml, QR_MARK } from './email-layout';
import { defaultTemplate, TemplateText } from './template-catalogue';
import { escapeHtml, parseTemplate, ParsedTemplate, renderTemplate, TemplateContext } from './template-renderer';

export interface ComposedMessage {
  readonly subject: string | null;
  readonly text: string;
  readonly html: string | null;
}

export interface Composition {
  readonly kind: NotificationKind;
  readonly channel: NotificationChannel;
  readonly locale: NotificationLocale;
  /** The organisation's own wording, or the default. */
  readonly template: TemplateText;
  readonly values: TemplateContext;
  /** Heading and footer of the e-mail layout (store name; store name and address). */
  readonly heading: string;
  readonly footer: string;
  /** The preview shows the QR inline (data: URL); sent e-mails attach it (cid:). */
  readonly qrSrc?: string;
}

const QR_ALT: Readonly<Record<NotificationLocale, string>> = { sv: 'QR-kod för upphämtning', en: 'Pickup QR code' };

/** Renders one message: subject, plain text, and for e-mail the HTML part in the shared layout. */
export function composeMessage(input: Composition): ComposedMessage {
  const body = parsedOrDefault(input, 'body');
  const text = tidy(renderTemplate(body, { ...input.values, qrCode: '' }));
  if (input.channel === 'sms') return { subject: null, text: smsText(text), html: null };
  const subject = renderTemplate(parsedOrDefault(input, 'subject'), input.values).replace(/\s+/g, ' ').trim();
  const escapedBody = tidy(renderTemplate(body, { ...input.values, qrCode: QR_MARK }, { escapeValue: escapeHtml, escapeText: escapeHtml }));
  const html = emailHtml({ lang: input.locale, subject, escapedBody, heading: input.heading, footer: input.footer, qrAlt: QR_ALT[input.locale], qrSrc: input.qrSrc });
  return { subject, text, html };
}

// Saved templates were checked when saved; should one still not parse, the default keeps messages going.
function parsedOrDefault(input: Composition, part: 'subject' | 'body'): ParsedTemplate {
  const source = input.template[part] ?? '';
  const parsed = parsedOnce(source);
  if (parsed) return parsed;
  const fallback = parsedOnce(defaultTemplate(input)[part] ?? '');
  if (!fallback) throw new Error(`The default ${part} of ${input.kind}.${input.channel}.${input.locale} does not parse`);
  return fallback;
}

// Every message parses its template again, though the texts in use are few: a parse is kept by its
// source (a parsed template is never changed). The cap bounds what saved wordings can make it hold.
const PARSED = new Map<string, ParsedTemplate | null>();
const MAX_PARSED = 200;

function parsedOnce(source: string): ParsedTemplate | null {
  let parsed = PARSED.get(source);
  if (parsed === undefined) {
    const outcome = parseTemplate(source);
    parsed = outcome.ok ? outcome.template : null;
    if (PARSED.size >= MAX_PARSED) PARSED.clear();
    PARSED.set(source, parsed);
  }
  return parsed;
}

/** No trailing spaces, at most one blank line in a row, no blank lines at the ends. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * SMS in the GSM 7-bit alphabet where it costs nothing to stay there (å, ä, ö and é are in it;
 * non-breaking spaces and dashes are not and would halve the characters per message).
 */
export function smsText(text: string): string {
  return text
    .replace(/[\u00a0\u202f\u2007]/g, ' ')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u00d7/g, 'x')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u2026/g, '...')
    .replace(/\n{2,}/g, '\n');
}
