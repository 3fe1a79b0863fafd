import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ErrorBody, Public } from '@kassa/shared';
import { PickupSlotsQuery, PickupSlotsResponse } from './dto/pickup-slots.dto';
import { PickupStorefrontService } from './pickup-storefront.service';

@ApiTags('storefront: pickup slots')
@Controller('stores/:storeId/pickup-slots')
export class PickupSlotsController {
  constructor(private readonly storefront: PickupStorefrontService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Pickup slots of a day (or several) and which of them fit this cart' })
  @ApiOkResponse({ type: PickupSlotsResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'A product in the cart cannot be sold' })
  list(@Param('storeId', ParseUUIDPipe) storeId: string, @Query() query: PickupSlotsQuery): Promise<PickupSlotsResponse> {
    return this.storefront.list(storeId, query);
  }
}
