import { Injectable } from '@nestjs/common';
import { CatalogService } from '@kassa/catalog';
import { PickupSlotsQuery, PickupSlotsResponse } from './dto/pickup-slots.dto';
import { SlotsService } from './slots.service';
import { CartLoad } from './slots.types';

/** The storefront's slot list: the cart is weighed by the catalogue, then judged slot by slot. */
@Injectable()
export class PickupStorefrontService {
  constructor(
    private readonly slots: SlotsService,
    private readonly catalog: CatalogService,
  ) {}

  async list(storeId: string, query: PickupSlotsQuery): Promise<PickupSlotsResponse> {
    const cart = await this.cartLoad(storeId, query.items);
    const listing = await this.slots.availability(storeId, cart, query.date, query.days ?? 1);
    return {
      slots: listing.slots.map((s) => ({
        start: s.start,
        end: s.end,
        available: s.available,
        remainingOrders: s.remaining.orders,
        remainingItems: s.remaining.items,
        remainingKitchenMinutes: s.remaining.kitchenMinutes,
        reason: s.refusal,
      })),
      earliest: listing.earliest?.start ?? null,
      busy: listing.busy,
      timezone: listing.timeZone,
    };
  }

  /** `id:2,id:1` → item count and kitchen minutes; no cart weighs like one item with no prep time. */
  private async cartLoad(storeId: string, items: string | undefined): Promise<CartLoad> {
    if (!items) return { items: 1, kitchenMinutes: 0 };
    const lines = items.split(',').map((pair) => {
      const [productId, quantity] = pair.split(':');
      return { productId: productId.toLowerCase(), quantity: Number(quantity) };
    });
    const priced = await this.catalog.priceLines(storeId, lines, { channel: 'online' });
    return {
      items: priced.lines.reduce((sum, line) => sum + line.quantity, 0),
      kitchenMinutes: priced.lines.reduce((sum, line) => sum + line.prepMinutes, 0),
    };
  }
}
