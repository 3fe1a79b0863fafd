import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { Store, StoreLocale } from '../store.entity';

export class CreateStoreDto {
  @ApiProperty({ example: 'Kafé Åkern' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ example: 'kafe-akern', description: 'URL name; made from the name when left out' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be lowercase letters, digits and dashes' })
  @MaxLength(100)
  slug?: string;

  @ApiProperty({ example: '556036-0793', description: 'Checked with its Luhn digit for Swedish stores' })
  @IsString()
  @MaxLength(20)
  organisationNumber!: string;

  @ApiProperty({ example: 'Storgatan 1' })
  @IsString()
  @Length(1, 200)
  addressLine1!: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  addressLine2?: string | null;

  @ApiProperty({ example: '111 22' })
  @IsString()
  @Length(1, 20)
  postalCode!: string;

  @ApiProperty({ example: 'Göteborg' })
  @IsString()
  @Length(1, 100)
  city!: string;

  @ApiProperty({ example: 'SE', description: 'ISO 3166-1 alpha-2' })
  @Matches(/^[A-Z]{2}$/, { message: 'must be a two-letter ISO country code such as SE' })
  country!: string;

  @ApiPropertyOptional({ example: '+46 31 123 45 67', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  phone?: string | null;

  @ApiPropertyOptional({ example: 'hej@kafeakern.se', nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(200)
  email?: string | null;

  @ApiProperty({ example: 'Europe/Stockholm' })
  @IsString()
  timezone!: string;

  @ApiProperty({ example: 'SEK' })
  @IsString()
  currency!: string;

  @ApiProperty({ enum: ['sv', 'en'], example: 'sv' })
  @IsIn(['sv', 'en'])
  locale!: StoreLocale;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  acceptingOrders?: boolean;
}

export class UpdateStoreDto extends PartialType(CreateStoreDto) {}

export class StoreResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() organisationNumber!: string;
  @ApiProperty() addressLine1!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) addressLine2!: string | null;
  @ApiProperty() postalCode!: string;
  @ApiProperty() city!: string;
  @ApiProperty() country!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) phone!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) email!: string | null;
  @ApiProperty() timezone!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ enum: ['sv', 'en'] }) locale!: StoreLocale;
  @ApiProperty() acceptingOrders!: boolean;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  static of(store: Store): StoreResponse {
    const { id, organisationId, name, slug, organisationNumber, addressLine1, addressLine2, postalCode, city, country } = store;
    const { phone, email, timezone, currency, locale, acceptingOrders, createdAt, updatedAt } = store;
    return {
      id, organisationId, name, slug, organisationNumber, addressLine1, addressLine2, postalCode, city, country,
      phone, email, timezone, currency, locale, acceptingOrders, createdAt, updatedAt,
    };
  }
}

export class StoreAddressResponse {
  @ApiProperty() line1!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) line2!: string | null;
  @ApiProperty() postalCode!: string;
  @ApiProperty() city!: string;
  @ApiProperty() country!: string;
}

/** What a storefront may know about a store. */
export class PublicStoreResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() slug!: string;
  @ApiProperty({ type: StoreAddressResponse }) address!: StoreAddressResponse;
  @ApiPropertyOptional({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ example: 'Europe/Stockholm' }) timezone!: string;
  @ApiProperty({ example: 'SEK' }) currency!: string;
  @ApiProperty({ enum: ['sv', 'en'] }) locale!: StoreLocale;
  @ApiProperty({ description: 'Whether the store takes online orders right now' }) takingOrders!: boolean;

  static of(store: Store): PublicStoreResponse {
    return {
      id: store.id,
      name: store.name,
      slug: store.slug,
      address: {
        line1: store.addressLine1,
        line2: store.addressLine2,
        postalCode: store.postalCode,
        city: store.city,
        country: store.country,
      },
      phone: store.phone,
      timezone: store.timezone,
      currency: store.currency,
      locale: store.locale,
      takingOrders: store.acceptingOrders,
    };
  }
}
