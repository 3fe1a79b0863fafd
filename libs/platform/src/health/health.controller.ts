import { Controller, Get, Inject, Injectable, OnApplicationShutdown, Optional, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorResult, HealthIndicatorService, MikroOrmHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { collectDefaultMetrics, register } from 'prom-client';
import { Public } from '@kassa/shared';
import { PLATFORM_OPTIONS, PlatformOptions } from '../platform.options';
import { createRedis } from '../redis/redis';

@Injectable()
export class RedisHealth implements OnApplicationShutdown {
  private client?: Redis;

  constructor(
    private readonly indicator: HealthIndicatorService,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
  ) {}

  get configured(): boolean {
    return this.options.redis !== undefined;
  }

  async check(): Promise<HealthIndicatorResult> {
    const check = this.indicator.check('redis');
    try {
      this.client ??= createRedis(this.options.redis?.url ?? '');
      await this.client.ping();
      return check.up();
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  onApplicationShutdown(): void {
    this.client?.disconnect();
  }
}

@ApiExcludeController()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: MikroOrmHealthIndicator,
    @Optional() private readonly redis?: RedisHealth,
  ) {
    if (!register.getSingleMetric('process_cpu_seconds_total')) collectDefaultMetrics();
  }

  /** Load balancers and the quick start poll this: 200 when the database (and Redis, if used) answer. */
  @Get('health')
  @Public()
  @HealthCheck()
  check() {
    const redis = this.redis;
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 3000 }),
      ...(redis?.configured ? [() => redis.check()] : []),
    ]);
  }

  /** Prometheus scrape endpoint; keep it off the public internet at the proxy. */
  @Get('metrics')
  @Public()
  async metrics(@Res() response: Response): Promise<void> {
    response.setHeader('Content-Type', register.contentType);
    response.send(await register.metrics());
  }
}
