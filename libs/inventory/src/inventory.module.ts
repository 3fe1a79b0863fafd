import { Module } from '@nestjs/common';

/** Handed to the platform's ORM setup by the app. */
export const INVENTORY_ENTITIES = [];

@Module({})
export class InventoryModule {}
