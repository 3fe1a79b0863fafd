import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { StoresModule } from '@kassa/stores';
import { AccessGuard, JwtStrategy } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { FirstStartFlow } from './first-start.flow';
import { IDENTITY_OPTIONS, IdentityOptions } from './identity.options';
import { RefreshToken } from './refresh-token.entity';
import { UsersAdminController } from './users-admin.controller';
import { UsersService } from './users.service';
import { User } from './user.entity';

/** Handed to the platform's ORM setup by the app. */
export const IDENTITY_ENTITIES = [User, RefreshToken];

@Module({})
export class IdentityModule {
  static forRoot(options: IdentityOptions): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        MikroOrmModule.forFeature(IDENTITY_ENTITIES),
        StoresModule,
        PassportModule,
        JwtModule.register({ secret: options.jwtSecret, signOptions: { algorithm: 'HS256' } }),
        ThrottlerModule.forRoot([{ name: 'login', ttl: 60_000, limit: options.loginRateLimitPerMinute }]),
      ],
      controllers: [AuthController, UsersAdminController],
      providers: [
        { provide: IDENTITY_OPTIONS, useValue: options },
        AuthService,
        UsersService,
        JwtStrategy,
        FirstStartFlow,
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [AuthService, FirstStartFlow],
    };
  }
}
