import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AuthService } from '@kassa/identity';
import type { StaffActor } from '@kassa/shared';

/** Checks a staff access token the way the HTTP guard does, for boards joining over WebSocket. */
@Injectable()
export class StaffTokens implements OnModuleInit {
  private auth?: AuthService;

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    // IdentityModule is configured once by the app (it takes options), so its service is looked up.
    this.auth = this.moduleRef.get(AuthService, { strict: false });
  }

  actorFor(token: string): Promise<StaffActor> {
    if (!this.auth) throw new Error('IdentityModule is not part of this app');
    return this.auth.actorForAccessToken(token);
  }
}
