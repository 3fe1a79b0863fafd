import { DynamicModule, Module } from '@nestjs/common';
import { ORDERS_OPTIONS, OrdersOptions } from './orders.options';

/** Handed to the platform's ORM setup by the app. */
export const ORDERS_ENTITIES = [];

@Module({})
export class OrdersModule {
  static forRoot(options: OrdersOptions): DynamicModule {
    return {
      module: OrdersModule,
      providers: [{ provide: ORDERS_OPTIONS, useValue: options }],
      exports: [],
    };
  }
}
