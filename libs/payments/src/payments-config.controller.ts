import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Public } from '@kassa/shared';
import { PAYMENTS_OPTIONS, PaymentsOptions } from './payments.options';

export class CardScriptConfig {
  @ApiProperty({ description: 'Stripe.js, loaded by the storefront to mount the Payment Element' })
  scriptUrl!: string;
}

export class KlarnaScriptConfig {
  @ApiProperty({ description: 'Klarna’s JavaScript library (Klarna Payments widget)' })
  scriptUrl!: string;
}

/** What a storefront needs to load the providers' own scripts; never a secret. */
export class PaymentsConfigResponse {
  @ApiPropertyOptional({ type: CardScriptConfig, nullable: true, description: 'Null when card payments are not configured' })
  card!: CardScriptConfig | null;

  @ApiPropertyOptional({ type: KlarnaScriptConfig, nullable: true, description: 'Null when Klarna is not configured' })
  klarna!: KlarnaScriptConfig | null;
}

@ApiTags('payments')
@Controller('payments/config')
export class PaymentsConfigController {
  constructor(@Inject(PAYMENTS_OPTIONS) private readonly options: PaymentsOptions) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Where the storefront loads each configured provider’s script from (Stripe.js, Klarna’s library)' })
  @ApiOkResponse({ type: PaymentsConfigResponse })
  config(): PaymentsConfigResponse {
    const { stripe, klarna } = this.options;
    return {
      card: stripe?.scriptUrl ? { scriptUrl: stripe.scriptUrl } : null,
      klarna: klarna?.scriptUrl ? { scriptUrl: klarna.scriptUrl } : null,
    };
  }
}
