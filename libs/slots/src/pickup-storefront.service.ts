import { Injectable } from '@nestjs/common';
import { CatalogService } from '@kassa/catalog';
import { PickupSlotResponse, PickupSlotsQuery, PickupSlotsResponse } from './dto/pickup-slots.dto';
import { SlotsService } from './slots.service';
import { CartLoad } from './slots.types';

/** No cart weighs like one item with no prep time. */
const NO_CART: CartLoad = { items: 1, kitchenMinutes: 0 };

/** The storefront's slot list: the cart is weighed by the catalogue, then judged slot by slot. */
@Injectable()
export class PickupStorefrontService {
  constructor(
    private readonly slots: SlotsService,
    private readonly catalog: CatalogService,
  ) {}

  async list(storeId: string, query: PickupSlotsQuery): Promise<PickupSlotsResponse> {
    const items = query.items;
    const days = query.days ?? 1;
    const listing = items
      ? await this.slots.availabilityWeighing(storeId, () => this.cartLoad(storeId, items), query.date, days)
      : await this.slots.availability(storeId, NO_CART, query.date, days);
    const slots = new Array<PickupSlotResponse>(listing.slots.length);
    for (let i = 0; i < slots.length; i++) {
      const s = listing.slots[i];
      slots[i] = {
        start: s.start,
        end: s.end,
        available: s.available,
        remainingOrders: s.remaining.orders,
        remainingItems: s.remaining.items,
        remainingKitchenMinutes: s.remaining.kitchenMinutes,
        reason: s.refusal,
      };
    }
    return {
      slots,
      earliest: listing.earliest?.start ?? null,
      busy: listing.busy,
      timezone: listing.timeZone,
    };
  }

  /** `id:2,id:1` → item count and kitchen minutes. */
  private async cartLoad(storeId: string, items: string): Promise<CartLoad> {
    const lines = items.split(',').map((pair) => {
      const [productId, quantity] = pair.split(':');
      return { productId: productId.toLowerCase(), quantity: Number(quantity) };
    });
    // Options are chosen later in the cart and change neither units nor kitchen time.
    return this.catalog.kitchenLoad(storeId, lines, { channel: 'online' });
  }
}
