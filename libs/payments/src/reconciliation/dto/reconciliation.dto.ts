import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PAYMENT_METHODS, PAYMENT_STATUSES, PaymentMethod, PaymentStatus } from '../../payments.types';
import {
  Mismatch,
  MISMATCH_KINDS,
  MismatchKind,
  ProviderAmounts,
  ProviderReconciliation,
  ReconciledPayment,
  ReconciliationReport,
  SideTotals,
} from '../reconciliation.types';

export class ReconciliationQuery {
  @ApiPropertyOptional({ example: '2026-11-20', description: 'The store-local business day; today where the store is when left out' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a calendar date YYYY-MM-DD' })
  date?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: the same as `Accept: text/csv`' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class SideTotalsResponse implements SideTotals {
  @ApiProperty({ description: 'Minor units (öre) captured in the day' }) captured!: number;
  @ApiProperty({ description: 'Minor units (öre) refunded in the day' }) refunded!: number;
  @ApiProperty({ description: 'Payments with money moved in the day' }) count!: number;
}

export class AmountsResponse implements ProviderAmounts {
  @ApiProperty() captured!: number;
  @ApiProperty() refunded!: number;
}

export class MismatchResponse implements Mismatch {
  @ApiProperty({ enum: MISMATCH_KINDS }) kind!: MismatchKind;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) paymentId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) orderId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'A-042' }) orderNumber!: string | null;
  @ApiProperty({ type: Number, nullable: true }) kassaAmount!: number | null;
  @ApiProperty({ type: Number, nullable: true }) providerAmount!: number | null;
  @ApiProperty() detail!: string;
}

export class ReconciledPaymentResponse implements ReconciledPayment {
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) paymentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) providerReference!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) orderId!: string | null;
  @ApiProperty({ type: String, nullable: true }) orderNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) orderStatus!: string | null;
  @ApiProperty({ enum: PAYMENT_STATUSES, nullable: true }) paymentStatus!: PaymentStatus | null;
  @ApiProperty({ example: 'SEK' }) currency!: string;
  @ApiProperty({ type: AmountsResponse }) kassa!: AmountsResponse;
  @ApiProperty({ type: AmountsResponse, nullable: true }) provider!: AmountsResponse | null;
  @ApiProperty({ enum: MISMATCH_KINDS, isArray: true }) mismatches!: MismatchKind[];
}

export class ProviderReconciliationResponse implements ProviderReconciliation {
  @ApiProperty({ enum: PAYMENT_METHODS }) method!: PaymentMethod;
  @ApiProperty({ type: SideTotalsResponse }) kassa!: SideTotalsResponse;
  @ApiProperty({ type: SideTotalsResponse, nullable: true, description: 'null for test and in_store, and when the provider was unreachable' })
  provider!: SideTotalsResponse | null;
  @ApiProperty() reachable!: boolean;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: [MismatchResponse] }) mismatches!: MismatchResponse[];
  @ApiProperty({ type: [ReconciledPaymentResponse] }) payments!: ReconciledPaymentResponse[];
}

export class ReconciliationTotalsResponse {
  @ApiProperty({ type: SideTotalsResponse }) kassa!: SideTotalsResponse;
  @ApiProperty({ type: SideTotalsResponse }) provider!: SideTotalsResponse;
  @ApiProperty() mismatches!: number;
}

export class ReconciliationResponse implements ReconciliationReport {
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty({ example: '2026-11-20' }) date!: string;
  @ApiProperty({ example: 'Europe/Stockholm' }) timezone!: string;
  @ApiProperty({ description: 'The day’s first instant' }) from!: string;
  @ApiProperty({ description: 'The next day’s first instant (not included)' }) to!: string;
  @ApiProperty({ type: [ProviderReconciliationResponse] }) providers!: ProviderReconciliationResponse[];
  @ApiProperty({ type: ReconciliationTotalsResponse }) totals!: ReconciliationTotalsResponse;
}
