import { DynamicModule, Module } from '@nestjs/common';
import { PAYMENTS_OPTIONS, PaymentsOptions } from './payments.options';

/** Handed to the platform's ORM setup by the app. */
export const PAYMENTS_ENTITIES = [];

@Module({})
export class PaymentsModule {
  static forRoot(options: PaymentsOptions): DynamicModule {
    return {
      module: PaymentsModule,
      providers: [{ provide: PAYMENTS_OPTIONS, useValue: options }],
      exports: [],
    };
  }
}
