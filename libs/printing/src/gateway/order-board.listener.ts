import { Injectable, OnModuleInit } from '@nestjs/common';
import { ORDER_EVENT_OF, OrderEventPayload } from '@kassa/orders';
import { OutboxConsumers } from '@kassa/platform';
import { StationsHub } from './stations-hub';

const kebab = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

/** Every order event goes to its store's room as `order` (the payload and its `type`): boards and stations redraw from it alone. */
@Injectable()
export class OrderBoardListener implements OnModuleInit {
  constructor(
    private readonly consumers: OutboxConsumers,
    private readonly hub: StationsHub,
  ) {}

  onModuleInit(): void {
    for (const eventType of new Set(Object.values(ORDER_EVENT_OF))) {
      this.consumers.register<OrderEventPayload>({
        name: `printing.board.${kebab(eventType)}`,
        eventType,
        handle: async (event) => this.hub.toStore(event.payload.storeId, 'order', { ...event.payload, type: event.type }),
      });
    }
  }
}
