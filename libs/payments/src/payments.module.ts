import { DynamicModule, Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PaymentEvent } from './payment-event.entity';
import { PaymentLedger } from './payment-ledger.repository';
import { PaymentOutcomes } from './payment-outcomes';
import { Payment } from './payment.entity';
import { PAYMENTS_OPTIONS, PaymentsOptions } from './payments.options';
import { PaymentsService } from './payments.service';
import { InStorePaymentProvider } from './providers/in-store.provider';
import { PAYMENT_PROVIDERS, PaymentProvider } from './providers/payment-provider';
import { PaymentProviders } from './providers/payment-providers';
import { TestPaymentProvider } from './providers/test.provider';
import { TestPaymentsController, TestPaymentsEnabled } from './test-payments.controller';

/** Handed to the platform's ORM setup by the app. */
export const PAYMENTS_ENTITIES = [Payment, PaymentEvent];

@Module({})
export class PaymentsModule {
  /** Global, so libs that ask payments (orders) inject PaymentsService without knowing the options. */
  static forRoot(options: PaymentsOptions): DynamicModule {
    return {
      module: PaymentsModule,
      global: true,
      imports: [MikroOrmModule.forFeature(PAYMENTS_ENTITIES)],
      controllers: [TestPaymentsController],
      providers: [
        { provide: PAYMENTS_OPTIONS, useValue: options },
        PaymentLedger,
        PaymentOutcomes,
        TestPaymentProvider,
        InStorePaymentProvider,
        {
          // One adapter per method; Swish, Klarna and card join this list.
          provide: PAYMENT_PROVIDERS,
          useFactory: (...providers: PaymentProvider[]) => providers,
          inject: [TestPaymentProvider, InStorePaymentProvider],
        },
        PaymentProviders,
        PaymentsService,
        TestPaymentsEnabled,
      ],
      exports: [PaymentsService, PaymentOutcomes],
    };
  }
}
