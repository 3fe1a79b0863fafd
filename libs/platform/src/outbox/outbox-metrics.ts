import { Counter, register } from 'prom-client';

function counter(name: string, help: string): Counter<'consumer'> {
  const existing = register.getSingleMetric(name);
  return (existing as Counter<'consumer'> | undefined) ?? new Counter({ name, help, labelNames: ['consumer'] });
}

export const outboxDelivered = counter('kassa_outbox_delivered_total', 'Outbox messages delivered to their consumer');
export const outboxFailed = counter('kassa_outbox_failed_total', 'Outbox delivery attempts that failed and will be retried');
export const outboxDead = counter('kassa_outbox_dead_total', 'Outbox messages moved to the dead-letter state');
