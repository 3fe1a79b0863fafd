import type { NextAction, Order } from '../api/types';

/** What a payment step gets: the order, and a way to say "the payment moved, read the order again". */
export interface PaymentStepContext {
  readonly order: Order;
  readonly nextAction: NextAction;
  readonly refresh: () => void;
}

/** Renders what the customer does next to pay. Never touches card data: providers bring their own fields. */
export type PaymentStep = (context: PaymentStepContext) => HTMLElement;
