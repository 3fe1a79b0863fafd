import { Injectable, Module } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { User } from './user.entity';

/** Read-only answers about staff for other libs, without exposing the user table. */
@Injectable()
export class StaffDirectory {
  constructor(private readonly em: EntityManager) {}

  /** E-mail addresses of the active owners of the organisation and the active managers of the store: who gets a store's staff alerts. */
  async managersOf(organisationId: string, storeId: string): Promise<string[]> {
    const users = await this.em.find(
      User,
      { organisationId, active: true, $or: [{ role: 'owner' }, { role: 'manager', storeIds: { $overlap: [storeId] } }] },
      { fields: ['email'], orderBy: { email: 'ASC' } },
    );
    return users.map((u) => u.email);
  }
}

/** Importable anywhere: IdentityModule itself is configured once by the app. */
@Module({ providers: [StaffDirectory], exports: [StaffDirectory] })
export class StaffDirectoryModule {}
