import { DynamicModule, Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { StoresModule } from '@kassa/stores';
import { PaymentEvent } from './payment-event.entity';
import { PaymentLedger } from './payment-ledger.repository';
import { PaymentOutcomes } from './payment-outcomes';
import { Payment } from './payment.entity';
import { PaymentWebhookEvent } from './payment-webhook-event.entity';
import { PaymentsConfigController } from './payments-config.controller';
import { PaymentsStoreInScope } from './payments-store-in-scope.guard';
import { PAYMENTS_OPTIONS, PaymentsOptions } from './payments.options';
import { PaymentsService } from './payments.service';
import { InStorePaymentProvider } from './providers/in-store.provider';
import { PAYMENT_PROVIDERS, PaymentProvider } from './providers/payment-provider';
import { PaymentProviders } from './providers/payment-providers';
import { KlarnaAuthorizeController, KlarnaConfigured } from './providers/klarna/klarna-authorize.controller';
import { KlarnaProvider } from './providers/klarna/klarna.provider';
import { StripeCardProvider } from './providers/stripe/stripe-card.provider';
import { StripeConfigured, StripeWebhookController } from './providers/stripe/stripe-webhook.controller';
import { SwishConfigured, SwishCallbackController } from './providers/swish/swish-callback.controller';
import { SwishProvider } from './providers/swish/swish.provider';
import { TestPaymentProvider } from './providers/test.provider';
import { ReconciliationAdminController } from './reconciliation/reconciliation-admin.controller';
import { ReconciliationRepository } from './reconciliation/reconciliation.repository';
import { ReconciliationService } from './reconciliation/reconciliation.service';
import { StorePaymentMethodsController } from './store-payment-methods.controller';
import { StorePaymentMethods } from './store-payment-methods.entity';
import { TestPaymentsController, TestPaymentsEnabled } from './test-payments.controller';

/** Handed to the platform's ORM setup by the app. */
export const PAYMENTS_ENTITIES = [Payment, PaymentEvent, PaymentWebhookEvent, StorePaymentMethods];

@Module({})
export class PaymentsModule {
  /** Global, so libs that ask payments (orders) inject PaymentsService without knowing the options. */
  static forRoot(options: PaymentsOptions): DynamicModule {
    return {
      module: PaymentsModule,
      global: true,
      imports: [MikroOrmModule.forFeature(PAYMENTS_ENTITIES), StoresModule],
      controllers: [TestPaymentsController, StripeWebhookController, SwishCallbackController, KlarnaAuthorizeController, PaymentsConfigController, ReconciliationAdminController, StorePaymentMethodsController],
      providers: [
        { provide: PAYMENTS_OPTIONS, useValue: options },
        PaymentLedger,
        PaymentOutcomes,
        TestPaymentProvider,
        InStorePaymentProvider,
        StripeCardProvider,
        SwishProvider,
        KlarnaProvider,
        {
          // One adapter per method; each offers itself only when configured.
          provide: PAYMENT_PROVIDERS,
          useFactory: (...providers: PaymentProvider[]) => providers,
          inject: [TestPaymentProvider, InStorePaymentProvider, SwishProvider, KlarnaProvider, StripeCardProvider],
        },
        PaymentProviders,
        PaymentsService,
        TestPaymentsEnabled,
        StripeConfigured,
        SwishConfigured,
        KlarnaConfigured,
        ReconciliationRepository,
        ReconciliationService,
        PaymentsStoreInScope,
      ],
      exports: [PaymentsService, PaymentOutcomes, ReconciliationService],
    };
  }
}
