import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorBody, Public } from '@kassa/shared';
import { PublicStoreResponse } from './dto/store.dto';
import { StoresService } from './stores.service';

@ApiTags('storefront: stores')
@Controller('stores')
export class StoresController {
  constructor(private readonly stores: StoresService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Every store with its public facts and whether it takes orders now' })
  @ApiOkResponse({ type: [PublicStoreResponse] })
  list(): Promise<PublicStoreResponse[]> {
    return this.stores.listPublic();
  }

  @Get(':storeId')
  @Public()
  @ApiOkResponse({ type: PublicStoreResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  get(@Param('storeId', ParseUUIDPipe) storeId: string): Promise<PublicStoreResponse> {
    return this.stores.getPublic(storeId);
  }
}
