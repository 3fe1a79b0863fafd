import { Controller, Get, Param, ParseUUIDPipe, UseInterceptors } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorBody, Public, Staff } from '@kassa/shared';
import { StorefrontCatalogResponse, StorefrontProductResponse } from '../dto/storefront.dto';
import { RenderedJsonInterceptor } from './rendered-json.interceptor';
import { RenderedJson, StorefrontCatalogService } from './storefront-catalog.service';

@ApiTags('storefront: catalog')
@Controller('stores/:storeId')
export class StorefrontCatalogController {
  constructor(private readonly catalog: StorefrontCatalogService) {}

  @Get('catalog')
  @Public()
  @ApiOperation({ summary: 'What the store sells online: categories with products, this store’s prices, modifiers and availability' })
  @ApiOkResponse({ type: StorefrontCatalogResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'STORE_NOT_FOUND' })
  @UseInterceptors(RenderedJsonInterceptor)
  // Pre-rendered JSON of a StorefrontCatalogResponse, reused while nothing it shows has changed.
  get(@Param('storeId', ParseUUIDPipe) storeId: string): Promise<RenderedJson> {
    return this.catalog.catalogJson(storeId);
  }

  @Get('products/by-barcode/:code')
  @Staff()
  @ApiOperation({ summary: 'A scanned EAN-13, EAN-8 or UPC-A code at a station: online and counter products' })
  @ApiOkResponse({ type: StorefrontProductResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'INVALID_BARCODE: names `code`' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'STORE_NOT_FOUND or PRODUCT_NOT_FOUND' })
  byBarcode(@Param('storeId', ParseUUIDPipe) storeId: string, @Param('code') code: string): Promise<StorefrontProductResponse> {
    return this.catalog.byBarcode(storeId, code);
  }
}
