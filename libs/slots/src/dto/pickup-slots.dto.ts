import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { DATE, DATE_MESSAGE, ToInt } from './validators';

export const CART_ITEMS = /^[0-9a-fA-F-]{36}:\d{1,3}(,[0-9a-fA-F-]{36}:\d{1,3}){0,99}$/;

export class PickupSlotsQuery {
  @ApiPropertyOptional({ example: '2026-03-29', description: 'The store-local date; today at the store when left out' })
  @IsOptional()
  @IsString()
  @Matches(DATE, { message: DATE_MESSAGE })
  date?: string;

  @ApiPropertyOptional({ example: 1, minimum: 1, maximum: 14, description: 'How many days from `date` to list' })
  @IsOptional()
  @ToInt()
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(14)
  days?: number;

  @ApiPropertyOptional({
    example: '6f1c2d3e-0000-4000-8000-000000000001:2,6f1c2d3e-0000-4000-8000-000000000002:1',
    description: 'The cart as productId:quantity pairs; its item count and kitchen minutes decide which slots fit',
  })
  @IsOptional()
  @IsString()
  @Matches(CART_ITEMS, { message: 'must be productId:quantity pairs separated by commas' })
  items?: string;
}

export class BusyResponse {
  @ApiProperty({ description: 'Online ordering is paused' }) paused!: boolean;
  @ApiProperty({ example: 15, description: 'Every pickup is pushed back this long' }) delayMinutes!: number;
}

export class PickupSlotResponse {
  @ApiProperty({ example: '2026-03-29T10:30:00+02:00' }) start!: string;
  @ApiProperty({ example: '2026-03-29T10:45:00+02:00' }) end!: string;
  @ApiProperty({ description: 'Whether this cart can be picked up in this slot' }) available!: boolean;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Null: no order limit' }) remainingOrders!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Null: no item limit' }) remainingItems!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Null: no kitchen-minute limit' }) remainingKitchenMinutes!: number | null;
  @ApiPropertyOptional({
    nullable: true,
    enum: ['paused', 'too-early', 'too-far-ahead', 'full'],
    description: 'Why the slot cannot be booked by this cart',
  })
  reason!: string | null;
}

export class PickupSlotsResponse {
  @ApiProperty({ type: [PickupSlotResponse] }) slots!: PickupSlotResponse[];
  @ApiPropertyOptional({ nullable: true, type: String, example: '2026-03-29T10:30:00+02:00', description: 'The first slot this cart can book on these days' })
  earliest!: string | null;
  @ApiProperty({ type: BusyResponse }) busy!: BusyResponse;
  @ApiProperty({ example: 'Europe/Stockholm' }) timezone!: string;
}
