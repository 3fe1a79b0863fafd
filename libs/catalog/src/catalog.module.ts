import { Module } from '@nestjs/common';

/** Handed to the platform's ORM setup by the app. */
export const CATALOG_ENTITIES = [];

@Module({})
export class CatalogModule {}
