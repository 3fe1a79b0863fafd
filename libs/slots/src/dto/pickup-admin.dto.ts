import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { BUSY_DELAY_STEP_MINUTES, MAX_BUSY_DELAY_MINUTES, SLOT_LENGTHS } from '../engine/slot-rules';
import { CLOCK, CLOCK_MESSAGE, DATE, DATE_MESSAGE } from './validators';

export class ClockWindowDto {
  @ApiProperty({ example: '07:00' })
  @IsString()
  @Matches(CLOCK, { message: CLOCK_MESSAGE })
  start!: string;

  @ApiProperty({ example: '10:30', description: '24:00 for midnight' })
  @IsString()
  @Matches(CLOCK, { message: CLOCK_MESSAGE })
  end!: string;
}

export class WeeklyWindowDto extends ClockWindowDto {
  @ApiProperty({ example: 1, minimum: 1, maximum: 7, description: 'ISO weekday: 1 = Monday … 7 = Sunday' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;
}

/** A cap: a positive whole number, or null for no limit (or, on a rule, for the default's). */
function Cap(description: string): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional({ nullable: true, type: Number, minimum: 0, description })(target, key);
    IsOptional()(target, key);
    ValidateIf((_o, v) => v !== null)(target, key);
    IsInt({ message: 'must be a whole number or null' })(target, key);
    Min(0)(target, key);
    Max(100_000)(target, key);
  };
}

export class PickupScheduleDto {
  @ApiProperty({ enum: SLOT_LENGTHS, example: 15 })
  @IsIn([...SLOT_LENGTHS], { message: `must be one of ${SLOT_LENGTHS.join(', ')}` })
  slotMinutes!: number;

  @ApiProperty({ example: 15, description: 'Minimum minutes between ordering and pickup' })
  @IsInt()
  @Min(0)
  @Max(1440)
  leadMinutes!: number;

  @ApiProperty({ example: 7, description: 'How many days after today customers may book (0 = today only)' })
  @IsInt()
  @Min(0)
  @Max(60)
  daysAhead!: number;

  @ApiProperty({ example: 0, description: 'The last slot of a window ends this long before closing' })
  @IsInt()
  @Min(0)
  @Max(240)
  cutoffMinutes!: number;

  @ApiProperty({ type: [WeeklyWindowDto], description: 'Opening windows per weekday; several a day are fine' })
  @IsArray()
  @ArrayMaxSize(70)
  @ValidateNested({ each: true })
  @Type(() => WeeklyWindowDto)
  weeklyHours!: WeeklyWindowDto[];

  @Cap('Orders per slot; null = no limit') maxOrders?: number | null;
  @Cap('Items per slot; null = no limit') maxItems?: number | null;
  @Cap('Kitchen minutes per slot (sum of prep times); null = no limit') maxKitchenMinutes?: number | null;
}

export class PickupScheduleResponse extends PickupScheduleDto {
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty({ example: 'Europe/Stockholm' }) timezone!: string;
  @ApiProperty({ description: 'False while the store runs on the defaults' }) configured!: boolean;
  @ApiPropertyOptional({ nullable: true, type: Number }) declare maxOrders: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) declare maxItems: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) declare maxKitchenMinutes: number | null;
}

export class PickupExceptionDto {
  @ApiProperty({ example: '2026-12-25', description: 'Store-local date' })
  @IsString()
  @Matches(DATE, { message: DATE_MESSAGE })
  date!: string;

  @ApiProperty({ description: 'Closed all day; otherwise open only in `windows`' })
  @IsBoolean()
  closed!: boolean;

  @ApiPropertyOptional({ type: [ClockWindowDto], default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ClockWindowDto)
  windows?: ClockWindowDto[];

  @ApiPropertyOptional({ nullable: true, example: 'Juldagen' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(200)
  note?: string | null;
}

export class PickupExceptionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty() date!: string;
  @ApiProperty() closed!: boolean;
  @ApiProperty({ type: [ClockWindowDto] }) windows!: ClockWindowDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) note!: string | null;
}

export class CapacityRuleDto {
  @ApiPropertyOptional({ nullable: true, minimum: 1, maximum: 7, description: 'ISO weekday; give this or date' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(7)
  weekday?: number | null;

  @ApiPropertyOptional({ nullable: true, example: '2026-12-24', description: 'One store-local date; give this or weekday' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @Matches(DATE, { message: DATE_MESSAGE })
  date?: string | null;

  @ApiProperty({ example: '11:30', description: 'Slots starting from this time…' })
  @IsString()
  @Matches(CLOCK, { message: CLOCK_MESSAGE })
  start!: string;

  @ApiProperty({ example: '13:00', description: '…until (not including) this time' })
  @IsString()
  @Matches(CLOCK, { message: CLOCK_MESSAGE })
  end!: string;

  @Cap('Orders per slot; null keeps the default') maxOrders?: number | null;
  @Cap('Items per slot; null keeps the default') maxItems?: number | null;
  @Cap('Kitchen minutes per slot; null keeps the default') maxKitchenMinutes?: number | null;
}

export class CapacityRuleResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) weekday!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) date!: string | null;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) maxOrders!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) maxItems!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) maxKitchenMinutes!: number | null;
}

export class BusyModeDto {
  @ApiProperty({ description: 'Pause online ordering' })
  @IsBoolean()
  paused!: boolean;

  @ApiProperty({ example: 15, description: `Push every pickup back, in steps of ${BUSY_DELAY_STEP_MINUTES} minutes` })
  @IsInt()
  @Min(0)
  @Max(MAX_BUSY_DELAY_MINUTES)
  @IsIn(Array.from({ length: MAX_BUSY_DELAY_MINUTES / BUSY_DELAY_STEP_MINUTES + 1 }, (_, i) => i * BUSY_DELAY_STEP_MINUTES), {
    message: `must be a multiple of ${BUSY_DELAY_STEP_MINUTES}`,
  })
  delayMinutes!: number;
}

export class BusyModeResponse extends BusyModeDto {
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiPropertyOptional({ nullable: true, type: Date }) updatedAt!: Date | null;
}

export class SlotLoadQuery {
  @ApiPropertyOptional({ example: '2026-03-29', description: 'Store-local date; today when left out' })
  @IsOptional()
  @IsString()
  @Matches(DATE, { message: DATE_MESSAGE })
  date?: string;
}

export class LoadDto {
  @ApiProperty() orders!: number;
  @ApiProperty() items!: number;
  @ApiProperty() kitchenMinutes!: number;
}

export class CapacityDto {
  @ApiPropertyOptional({ nullable: true, type: Number }) maxOrders!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) maxItems!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) maxKitchenMinutes!: number | null;
}

export class SlotLoadResponse {
  @ApiProperty({ example: '2026-03-29T10:30:00+02:00' }) start!: string;
  @ApiProperty({ example: '2026-03-29T10:45:00+02:00' }) end!: string;
  @ApiProperty({ type: LoadDto, description: 'Booked by confirmed holds and unpaid holds within their TTL' }) booked!: LoadDto;
  @ApiProperty({ type: CapacityDto }) capacity!: CapacityDto;
  @ApiProperty({ description: 'Unpaid holds still within their TTL' }) activeHolds!: number;
  @ApiProperty({ description: 'Paid orders' }) confirmedHolds!: number;
}

export class DayLoadResponse {
  @ApiProperty({ example: '2026-03-29' }) date!: string;
  @ApiProperty({ example: 'Europe/Stockholm' }) timezone!: string;
  @ApiProperty({ type: BusyModeDto }) busy!: BusyModeDto;
  @ApiProperty({ type: [SlotLoadResponse] }) slots!: SlotLoadResponse[];
}
