import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { FieldProblem, ListPage, ListQuery, newId, StaffActor } from '@kassa/shared';
import { NotificationTemplate } from '../entities/notification-template.entity';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, NOTIFICATION_LOCALES } from '../notification.types';
import { NotificationsError } from '../notifications.errors';
import { allTemplateKeys, defaultTemplate, ITEM_FIELDS, parseTemplateId, schemaOf, TemplateKey, templateId, TemplateText } from './template-catalogue';
import { parseTemplate, unknownPlaceholders } from './template-renderer';

export interface TemplateView extends TemplateKey {
  readonly id: string;
  readonly subject: string | null;
  readonly body: string;
  readonly customised: boolean;
  readonly placeholders: string[];
  readonly itemPlaceholders: string[];
  readonly updatedAt: Date | null;
}

export interface TemplateInput {
  readonly subject?: string | null;
  readonly body: string;
}

const MAX_BODY: Readonly<Record<string, number>> = { email: 10_000, sms: 1_000 };

/** Each organisation's wording of its messages: its saved templates over the defaults in code. */
@Injectable()
export class NotificationTemplatesService {
  constructor(private readonly em: EntityManager) {}

  /** What a message of this kind says for this organisation now. */
  async effective(organisationId: string, key: TemplateKey): Promise<TemplateText> {
    const [text] = await this.effectiveAll(organisationId, [key]);
    return text;
  }

  /** What each of these messages says for this organisation now, in the order of `keys`: one read for all of them. */
  async effectiveAll(organisationId: string, keys: readonly TemplateKey[]): Promise<TemplateText[]> {
    if (keys.length === 0) return [];
    const distinct = <T>(values: T[]) => [...new Set(values)];
    const saved = await this.em.find(NotificationTemplate, {
      organisationId,
      kind: { $in: distinct(keys.map((k) => k.kind)) },
      channel: { $in: distinct(keys.map((k) => k.channel)) },
      locale: { $in: distinct(keys.map((k) => k.locale)) },
    });
    return keys.map((key) => {
      const row = saved.find((s) => s.kind === key.kind && s.channel === key.channel && s.locale === key.locale);
      return row ? { subject: key.channel === 'email' ? row.subject : null, body: row.body } : defaultTemplate(key);
    });
  }

  async list(organisationId: string, query: ListQuery): Promise<ListPage<TemplateView>> {
    const { id, kind, channel, locale } = query.filter as { id?: string[]; kind?: string[]; channel?: string[]; locale?: string[] };
    const saved = await this.em.find(NotificationTemplate, { organisationId });
    const keys = allTemplateKeys().filter(
      (k) => (!id || id.includes(templateId(k))) && (!kind || kind.includes(k.kind)) && (!channel || channel.includes(k.channel)) && (!locale || locale.includes(k.locale)),
    );
    const rows = keys.map((k) => view(k, saved.find((s) => s.kind === k.kind && s.channel === k.channel && s.locale === k.locale) ?? null));
    const { field, order } = query.sort;
    const rank = (row: TemplateView): number | string => {
      if (field === 'kind') return NOTIFICATION_KINDS.indexOf(row.kind);
      if (field === 'channel') return NOTIFICATION_CHANNELS.indexOf(row.channel);
      if (field === 'locale') return NOTIFICATION_LOCALES.indexOf(row.locale);
      return String(row[field as keyof TemplateView]);
    };
    // Kinds, channels and languages sort in the catalogue's order; ties keep it too.
    const sorted = rows
      .map((row, index) => ({ row, index, rank: rank(row) }))
      .sort((a, b) => (a.rank === b.rank ? a.index - b.index : (a.rank < b.rank ? -1 : 1) * (order === 'ASC' ? 1 : -1)))
      .map((s) => s.row);
    return { items: sorted.slice(query.offset, query.offset + query.limit), total: sorted.length, offset: query.offset };
  }

  async get(organisationId: string, id: string): Promise<TemplateView> {
    const key = keyOf(id);
    return view(key, await this.saved(organisationId, key));
  }

  async save(actor: StaffActor, id: string, input: TemplateInput): Promise<TemplateView> {
    const key = keyOf(id);
    const problems = templateProblems(key, input);
    if (problems.length > 0) throw NotificationsError.invalidTemplate(problems);
    await this.em.upsert(
      NotificationTemplate,
      {
        id: newId(),
        organisationId: actor.organisationId,
        kind: key.kind,
        channel: key.channel,
        locale: key.locale,
        subject: key.channel === 'email' ? (input.subject ?? '').trim() : null,
        body: input.body,
        updatedBy: actor.userId,
        updatedAt: new Date(),
      },
      { onConflictFields: ['organisationId', 'kind', 'channel', 'locale'], onConflictExcludeFields: ['id'] },
    );
    return this.get(actor.organisationId, id);
  }

  /** Forgets the organisation's wording: the default applies again. */
  async reset(organisationId: string, id: string): Promise<TemplateView> {
    const key = keyOf(id);
    await this.em.nativeDelete(NotificationTemplate, { organisationId, kind: key.kind, channel: key.channel, locale: key.locale });
    return view(key, null);
  }

  private saved(organisationId: string, key: TemplateKey): Promise<NotificationTemplate | null> {
    return this.em.findOne(NotificationTemplate, { organisationId, kind: key.kind, channel: key.channel, locale: key.locale });
  }
}

export function keyOf(id: string): TemplateKey {
  const key = parseTemplateId(id);
  if (!key) throw NotificationsError.templateNotFound(id);
  return key;
}

function view(key: TemplateKey, saved: NotificationTemplate | null): TemplateView {
  const text = saved ? { subject: key.channel === 'email' ? saved.subject : null, body: saved.body } : defaultTemplate(key);
  const schema = schemaOf(key.kind, key.channel);
  return {
    id: templateId(key),
    ...key,
    subject: text.subject,
    body: text.body,
    customised: saved !== null,
    placeholders: [...schema.values, ...Object.keys(schema.lists)],
    itemPlaceholders: Object.keys(schema.lists).length > 0 ? [...ITEM_FIELDS] : [],
    updatedAt: saved?.updatedAt ?? null,
  };
}

/** Everything wrong with a template someone wants to save or preview, by field; unknown placeholders by name. */
export function templateProblems(key: TemplateKey, input: TemplateInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const schema = schemaOf(key.kind, key.channel);
  const check = (field: 'subject' | 'body', source: string) => {
    const parsed = parseTemplate(source);
    if (!parsed.ok) {
      problems.push(...parsed.problems.map((reason) => ({ field, reason })));
      return;
    }
    const unknown = unknownPlaceholders(parsed.template, schema);
    if (unknown.length > 0) {
      const names = unknown.map((n) => `{{${n}}}`).join(', ');
      problems.push({ field, reason: `unknown placeholder${unknown.length > 1 ? 's' : ''} ${names}; use ${[...schema.values, ...Object.keys(schema.lists)].join(', ')}` });
    }
  };
  if (key.channel === 'email') {
    const subject = (input.subject ?? '').trim();
    if (subject === '') problems.push({ field: 'subject', reason: 'an e-mail needs a subject' });
    else if (subject.length > 300) problems.push({ field: 'subject', reason: 'must be at most 300 characters' });
    else check('subject', subject);
  } else if (input.subject !== undefined && input.subject !== null) {
    problems.push({ field: 'subject', reason: 'an SMS has no subject; leave it out' });
  }
  if (input.body.trim() === '') problems.push({ field: 'body', reason: 'must not be empty' });
  else if (input.body.length > MAX_BODY[key.channel]) problems.push({ field: 'body', reason: `must be at most ${MAX_BODY[key.channel]} characters` });
  else check('body', input.body);
  return problems;
}
