import { parseEnvironment } from './environment';
import { buildConfig } from './kassa-config';

describe('configuration', () => {
  it('runs embedded with nothing set', () => {
    const env = parseEnvironment({ KASSA_DATA_DIR: 'memory://' });
    const config = buildConfig(env);
    expect(config.embedded).toBe(true);
    expect(config.http.port).toBe(3000);
    expect(config.platform.redis).toBeUndefined();
  });

  it('names the variable that is wrong and why', () => {
    expect(() => parseEnvironment({ PORT: 'eighty' })).toThrow(/PORT="eighty": .*must be an integer number/);
    expect(() => parseEnvironment({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL="localhost:6379": .*must be a redis/);
    expect(() => parseEnvironment({ KASSA_WORKERS: 'perhaps' })).toThrow(/KASSA_WORKERS="perhaps": .*must be a boolean/);
  });

  it('runs several api processes only on PostgreSQL with Redis', () => {
    const secret = { JWT_SECRET: 'x'.repeat(32) };
    expect(buildConfig(parseEnvironment({ KASSA_DATA_DIR: 'memory://' })).http.processes).toBe(1);
    expect(() => parseEnvironment({ KASSA_PROCESSES: '2' })).toThrow(/KASSA_PROCESSES: above 1 needs DATABASE_URL and REDIS_URL/);
    expect(() => parseEnvironment({ KASSA_PROCESSES: '2', DATABASE_URL: 'postgresql://localhost/kassa', ...secret })).toThrow(/KASSA_PROCESSES/);
    expect(() => parseEnvironment({ KASSA_PROCESSES: '0' })).toThrow(/KASSA_PROCESSES="0": .*must not be less than 1/);
    const env = parseEnvironment({ KASSA_PROCESSES: '2', DATABASE_URL: 'postgresql://localhost/kassa', REDIS_URL: 'redis://localhost:6379', ...secret });
    expect(buildConfig(env).http.processes).toBe(2);
  });

  it('demands a JWT secret when running on a real database', () => {
    expect(() => parseEnvironment({ DATABASE_URL: 'postgresql://localhost/kassa' })).toThrow(/JWT_SECRET/);
  });
});
