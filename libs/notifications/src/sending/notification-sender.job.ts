import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { MikroORM, RequestContext, TransactionContext } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { OrderNotificationState } from '@kassa/orders';
import { PLATFORM_OPTIONS, PlatformOptions, retryDelayMs, systemEntityManager } from '@kassa/platform';
import { maskEmail, maskPhone } from '@kassa/shared';
import { StoresService } from '@kassa/stores';
import * as QRCode from 'qrcode';
import { asDeliveryFailure, DeliveryReceipt, OutgoingMessage } from '../channels/delivery';
import { EmailChannel } from '../channels/email.channel';
import { smsSenderName } from '../channels/sms-sender-name';
import { SmsProvider, SmsProviders } from '../channels/sms.providers';
import { Notification } from '../entities/notification.entity';
import { NotificationKind, NotificationStatus } from '../notification.types';
import { NotificationsClock } from '../notifications.clock';
import { OrderDirectory } from '../order-directory';
import { NotificationSettingsService } from '../settings/notification-settings.service';
import { QR_CID } from '../templates/email-layout';
import { BatchReads } from './batch-reads';

/** A claimed row belongs to its worker this long; longer than any send may take (SMTP gives up after 30 s). */
export const LEASE_MS = 120_000;
const BATCH = 10;

/** The order statuses in which a queued message of this kind is still worth sending. */
const STILL_RELEVANT: Partial<Record<NotificationKind, (order: OrderNotificationState) => boolean>> = {
  order_confirmed: (o) => o.status !== 'cancelled' && o.status !== 'expired',
  order_reminder: (o) => ['paid', 'accepted', 'preparing', 'ready'].includes(o.status) || (o.status === 'pending_payment' && o.paymentMethod === 'in_store'),
  order_ready: (o) => o.status === 'ready',
  order_delayed: (o) => ['paid', 'accepted', 'preparing'].includes(o.status) || (o.status === 'pending_payment' && o.paymentMethod === 'in_store'),
};

type Outcome =
  | { readonly status: 'sent' | 'logged'; readonly receipt: DeliveryReceipt }
  | { readonly status: 'skipped'; readonly reason: string };

/**
 * Sends due notifications. Every replica polls; a row is claimed with FOR UPDATE SKIP LOCKED and
 * a lease, so two replicas never send one row, and a row whose worker died mid-send is taken
 * again when its lease runs out. Outages are retried with exponential backoff, permanent
 * refusals fail at once. Reminders are checked against the order when their time comes.
 */
@Injectable()
export class NotificationSender implements OnModuleDestroy {
  private readonly logger = new Logger('Notifications');
  private running?: Promise<void>;
  private runAgain = false;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly clock: NotificationsClock,
    private readonly email: EmailChannel,
    private readonly sms: SmsProviders,
    private readonly settings: NotificationSettingsService,
    private readonly orders: OrderDirectory,
    private readonly stores: StoresService,
    @Inject(PLATFORM_OPTIONS) private readonly platform: PlatformOptions,
  ) {}

  @Interval(1000)
  tick(): void {
    this.kick();
  }

  /** New rows were committed: send now rather than at the next tick. */
  nudge(): void {
    setImmediate(() => this.kick());
  }

  private kick(): void {
    if (!this.platform.outbox.dispatch || this.stopped) return;
    if (this.running) {
      this.runAgain = true;
      return;
    }
    this.running = this.run()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error(`Sending notifications failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.running = undefined;
        if (this.runAgain && !this.stopped) {
          this.runAgain = false;
          this.kick();
        }
      });
  }

  /** One pass: claims what is due and sends it; returns how many it handled. Tests call it under a fake clock. */
  async run(): Promise<number> {
    let handled = 0;
    for (;;) {
      const claimed = await this.claim(this.clock.now());
      const reads = new BatchReads(orderIdsOf(claimed), this.orders, this.settings, this.stores);
      await Promise.all(claimed.map((row) => this.deliver(row, reads)));
      handled += claimed.length;
      if (claimed.length < BATCH || this.stopped) return handled;
    }
  }

  /** Takes due rows for this worker: queued or scheduled and due, or sending with an expired lease; answers them as claimed. */
  async claim(now: Date): Promise<Array<Record<string, unknown>>> {
    return systemEntityManager(this.orm).execute<Array<Record<string, unknown>>>(
      `update notification set status = 'sending', attempts = attempts + 1, locked_until = ?
        where id in (
          select id from notification
           where (status in ('queued', 'scheduled') and next_attempt_at <= ?)
              or (status = 'sending' and locked_until < ?)
           order by next_attempt_at
           limit ? for update skip locked)
       returning *`,
      [new Date(now.getTime() + LEASE_MS), now, now, BATCH],
    );
  }

  private async deliver(claimed: Record<string, unknown>, reads: BatchReads): Promise<void> {
    const em = systemEntityManager(this.orm);
    const row = em.map(Notification, claimed);
    const attempt = row.attempts;
    try {
      // Its own ORM context: a nudge may come from inside another unit of work's async context.
      const outcome = await TransactionContext.create(em, () => RequestContext.create(em, () => this.attempt(row, reads)));
      const now = this.clock.now();
      if (outcome.status === 'skipped') {
        await this.finish(em, row, attempt, { status: 'skipped', error: outcome.reason });
      } else {
        await this.finish(em, row, attempt, { status: outcome.status, provider: outcome.receipt.provider, providerMessageId: outcome.receipt.providerMessageId, sentAt: now, error: null });
      }
    } catch (error) {
      const failure = asDeliveryFailure(error);
      const { maxAttempts, retryBaseMs } = this.platform.outbox;
      if (failure.permanent || attempt >= maxAttempts) {
        this.logger.warn(`${row.kind} ${row.channel} ${row.id} failed${failure.permanent ? '' : ` after ${attempt} attempts`}: ${failure.message}`);
        await this.finish(em, row, attempt, { status: 'failed', error: failure.message });
      } else {
        const retryAt = new Date(this.clock.now().getTime() + retryDelayMs(attempt, retryBaseMs));
        await this.finish(em, row, attempt, { status: 'queued', error: failure.message, nextAttemptAt: retryAt });
      }
    }
  }

  private async attempt(row: Notification, reads: BatchReads): Promise<Outcome> {
    const order = row.orderId ? await reads.order(row.orderId) : null;
    // A resend is a person's explicit wish; everything else is checked against the order now.
    const relevant = row.resentFrom === null ? STILL_RELEVANT[row.kind] : undefined;
    if (relevant && row.orderId) {
      if (!order) return { status: 'skipped', reason: 'the order no longer exists' };
      if (!relevant(order)) return { status: 'skipped', reason: `the order is ${order.status.replace('_', ' ')}` };
      if (row.kind === 'order_reminder' && order.pickupEnd <= this.clock.now()) return { status: 'skipped', reason: 'the pickup window has passed' };
    }
    // Checked before building the message: with no SMTP server the QR image would be drawn for nothing.
    if (row.channel === 'email' && !this.email.configured) return this.logged(row, 'no SMTP server configured');
    const provider = row.channel === 'sms' ? await this.smsProviderFor(row, reads) : null;
    if (typeof provider === 'string') return this.logged(row, provider);
    const store = await reads.store(row.storeId);
    const message: OutgoingMessage = {
      id: row.id,
      channel: row.channel,
      recipient: row.recipient,
      senderName: store.name,
      replyTo: store.email,
      subject: row.subject,
      text: row.text,
      html: row.html,
      attachments: order && row.html?.includes(`cid:${QR_CID}`) ? [{ filename: 'qr.png', content: await qrPng(order.pass), contentType: 'image/png', cid: QR_CID }] : [],
    };
    if (provider === null) return { status: 'sent', receipt: await this.email.send(message) };
    return { status: 'sent', receipt: await provider.send({ id: row.id, from: smsSenderName(store.name), to: row.recipient, body: row.text }) };
  }

  /** The organisation's SMS provider, or why there is none to send with. */
  private async smsProviderFor(row: Notification, reads: BatchReads): Promise<SmsProvider | string> {
    const providerName = (await reads.organisationSettings(row.organisationId)).smsProvider;
    return this.sms.get(providerName) ?? (providerName === 'none' ? 'no SMS provider chosen' : `${providerName} has no credentials here`);
  }

  /** The embedded default: the message goes to the log so the demo shows it, clearly not sent. */
  private logged(row: Notification, why: string): Outcome {
    const to = row.channel === 'email' ? maskEmail(row.recipient) : maskPhone(row.recipient);
    this.logger.log(`NOT SENT (${why}): ${row.kind} ${row.channel} to ${to}${row.subject ? ` — ${row.subject}` : ''}\n${row.text}`);
    return { status: 'logged', receipt: { provider: 'log', providerMessageId: null } };
  }

  /**
   * Records the outcome, only if this worker still holds the row (same attempt, still sending).
   * Plain SQL: every message ends here, and the ORM's update costs more CPU than the statement.
   */
  private async finish(
    em: EntityManager,
    row: Notification,
    attempt: number,
    change: { status: NotificationStatus; error: string | null; provider?: string; providerMessageId?: string | null; sentAt?: Date; nextAttemptAt?: Date },
  ): Promise<void> {
    const set: Array<[column: string, value: unknown]> = [
      ['status', change.status],
      ['error', change.error],
      ['locked_until', null],
    ];
    if (change.provider !== undefined) set.push(['provider', change.provider]);
    if (change.providerMessageId !== undefined) set.push(['provider_message_id', change.providerMessageId]);
    if (change.sentAt !== undefined) set.push(['sent_at', change.sentAt]);
    if (change.nextAttemptAt !== undefined) set.push(['next_attempt_at', change.nextAttemptAt]);
    await em.execute(
      `update notification set ${set.map(([column]) => `${column} = ?`).join(', ')} where id = ? and status = 'sending' and attempts = ?`,
      [...set.map(([, value]) => value), row.id, attempt],
      'run',
    );
  }

  onModuleDestroy(): Promise<void> | undefined {
    this.stopped = true;
    return this.running;
  }
}

/** The orders the claimed rows are about, each once (the claim answers raw rows, hence the column name). */
function orderIdsOf(claimed: ReadonlyArray<Record<string, unknown>>): string[] {
  return [...new Set(claimed.map((row) => row.order_id).filter((id): id is string => typeof id === 'string'))];
}

function qrPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, { margin: 2, errorCorrectionLevel: 'M', type: 'png', width: 360 });
}
