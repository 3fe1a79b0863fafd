import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { Transactional } from '@mikro-orm/core';
import { CurrentActor, ErrorBody, Public, Staff, StaffActor } from '@kassa/shared';
import { AuthService } from './auth.service';
import { LoginDto, MeResponse, RefreshDto, TokensResponse } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ login: {} })
  @ApiOperation({ summary: 'Sign in with e-mail and password' })
  @ApiOkResponse({ type: TokensResponse })
  @ApiResponse({ status: 401, type: ErrorBody, description: 'INVALID_CREDENTIALS' })
  @ApiResponse({ status: 423, type: ErrorBody, description: 'ACCOUNT_LOCKED after repeated failures' })
  @ApiTooManyRequestsResponse({ type: ErrorBody, description: 'Too many attempts from this address' })
  login(@Body() body: LoginDto): Promise<TokensResponse> {
    return this.auth.login(body.email, body.password);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ login: {} })
  @ApiOperation({ summary: 'Trade a refresh token for new tokens; the old refresh token stops working' })
  @ApiOkResponse({ type: TokensResponse })
  @ApiResponse({ status: 401, type: ErrorBody, description: 'INVALID_TOKEN' })
  refresh(@Body() body: RefreshDto): Promise<TokensResponse> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @Public()
  @ApiOperation({ summary: 'End the session the refresh token belongs to' })
  @Transactional()
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @Get('me')
  @Staff()
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentActor() actor: StaffActor): Promise<MeResponse> {
    return this.auth.me(actor);
  }
}
