import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, IsUUID, Length } from 'class-validator';
import { MANUAL_MOVEMENT_KINDS, ManualMovementKind, MOVEMENT_KINDS, MovementKind } from '../inventory.types';
import { MovementRow } from '../stock-ledger.repository';
import { StockMovement } from '../stock-movement.entity';

export class CreateStockMovementDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a store id' })
  storeId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a stock item id' })
  stockItemId!: string;

  @ApiProperty({ enum: MANUAL_MOVEMENT_KINDS })
  @IsIn([...MANUAL_MOVEMENT_KINDS], { message: `must be one of ${MANUAL_MOVEMENT_KINDS.join(', ')}` })
  kind!: ManualMovementKind;

  @ApiProperty({
    example: 12,
    description: 'adjustment: signed change ≠ 0; delivery and waste: amount > 0 (waste takes it away); count: the counted on hand ≥ 0',
  })
  @IsInt({ message: 'must be a whole number' })
  quantity!: number;

  @ApiProperty({ example: 'Leverans från Arvid Nordquist', minLength: 1, maxLength: 500 })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class StockMovementResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty({ format: 'uuid' }) stockItemId!: string;
  @ApiProperty({ enum: MOVEMENT_KINDS }) kind!: MovementKind;
  @ApiProperty({ description: 'Signed change of on hand' }) quantity!: number;
  @ApiProperty({ description: 'Signed change of reserved' }) reservedDelta!: number;
  @ApiProperty() onHandAfter!: number;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) holdId!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'null for the system' }) userId!: string | null;
  @ApiProperty() createdAt!: Date;

  static of(m: StockMovement): StockMovementResponse {
    const { id, storeId, stockItemId, kind, quantity, reservedDelta, onHandAfter, reason, holdId, userId, createdAt } = m;
    return { id, storeId, stockItemId, kind, quantity, reservedDelta, onHandAfter, reason, holdId, userId, createdAt };
  }

  static ofRow(r: MovementRow): StockMovementResponse {
    return {
      id: r.id,
      storeId: r.store_id,
      stockItemId: r.stock_item_id,
      kind: r.kind,
      quantity: r.quantity,
      reservedDelta: r.reserved_delta,
      onHandAfter: r.on_hand_after,
      reason: r.reason,
      holdId: r.hold_id,
      userId: r.user_id,
      createdAt: new Date(r.created_at),
    };
  }
}
