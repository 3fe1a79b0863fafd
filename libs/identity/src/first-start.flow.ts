import { Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { newSecret } from '@kassa/shared';
import { runExclusively, systemEntityManager } from '@kassa/platform';
import { StoresService } from '@kassa/stores';
import { UsersService } from './users.service';

export interface FirstStartOptions {
  readonly adminEmail: string;
  /** When absent a password is generated and printed once. */
  readonly adminPassword?: string;
}

export interface FirstStartResult {
  readonly created: boolean;
  readonly adminEmail: string;
  /** Only set when this start generated the password. */
  readonly generatedPassword?: string;
  /** Set when this start created them, so other libs can add demo data to the demo store. */
  readonly organisationId?: string;
  readonly storeId?: string;
}

/**
 * On an empty database: one organisation, a demo store and its owner, so `npm start` leads
 * straight to a console one can sign in to. Guarded by an advisory lock so two replicas
 * starting together create one organisation.
 */
@Injectable()
export class FirstStartFlow {
  private readonly logger = new Logger('FirstStart');

  constructor(
    private readonly orm: MikroORM,
    private readonly stores: StoresService,
    private readonly users: UsersService,
  ) {}

  async run(options: FirstStartOptions): Promise<FirstStartResult> {
    const em = systemEntityManager(this.orm);
    let result: FirstStartResult = { created: false, adminEmail: options.adminEmail };
    await runExclusively(em, 'first-start', async () => {
      if ((await this.stores.organisationCount()) > 0) return;
      const password = options.adminPassword ?? newSecret(12);
      const organisation = await this.stores.createOrganisation({ name: 'Kassa Demo AB', organisationNumber: '556677-8899' });
      const store = await this.stores.createForOrganisation(organisation.id, {
        name: 'Kassa Demo Café',
        organisationNumber: '556677-8899',
        addressLine1: 'Kungsportsavenyen 1',
        postalCode: '411 36',
        city: 'Göteborg',
        country: 'SE',
        phone: '+46 31 123 45 67',
        email: 'hej@example.com',
        timezone: 'Europe/Stockholm',
        currency: 'SEK',
        locale: 'sv',
        acceptingOrders: true,
      });
      await this.users.createOwner(organisation.id, options.adminEmail, 'Store Owner', password);
      result = {
        created: true,
        adminEmail: options.adminEmail,
        generatedPassword: options.adminPassword ? undefined : password,
        organisationId: organisation.id,
        storeId: store.id,
      };
    });
    if (result.created) this.logger.log(`Created the demo organisation, store and owner ${options.adminEmail}`);
    return result;
  }
}
