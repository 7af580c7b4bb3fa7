import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { parseDatabaseUrl } from './connect.js';

describe('DATABASE_URL and cluster settings', () => {
  it('parses sqlite and postgres URLs and refuses others', () => {
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', path: ':memory:' });
    expect(parseDatabaseUrl('postgres://postgres@127.0.0.1:5432/test')).toEqual({ dialect: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/test' });
    expect(parseDatabaseUrl('postgresql://db/plenum').dialect).toBe('postgres');
    expect(() => parseDatabaseUrl('mysql://db/plenum')).toThrow(/unsupported/);
  });

  it('REDIS_URL needs a postgres DATABASE_URL; PG_SCHEMA must be a plain identifier', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_URL: 'http://x', DATABASE_URL: 'postgres://db/p' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/p', PG_SCHEMA: 'x"; drop' })).toThrow(/PG_SCHEMA/);
    const c = loadConfig({ DATABASE_URL: 'postgres://db/p', REDIS_URL: 'redis://r:6379', PG_SCHEMA: 'plenum_a', PG_POOL_SIZE: '4' });
    expect(c).toMatchObject({ redisUrl: 'redis://r:6379', pgSchema: 'plenum_a', pgPoolSize: 4, redisPrefix: 'plenum' });
  });
});
