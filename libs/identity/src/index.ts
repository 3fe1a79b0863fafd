export { IdentityModule, IDENTITY_ENTITIES } from './identity.module';
export type { IdentityOptions } from './identity.options';
export { AuthService } from './auth.service';
export { FirstStartFlow } from './first-start.flow';
export type { FirstStartOptions, FirstStartResult } from './first-start.flow';
export { IdentityError, IdentityErrorCode } from './identity.errors';
export { MIN_PASSWORD_LENGTH } from './passwords';
export { LoginDto, TokensResponse, MeResponse } from './dto/auth.dto';
export { CreateUserDto, UpdateUserDto, UserResponse } from './dto/user.dto';
