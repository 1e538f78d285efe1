import { ConfigError, loadConfig } from './config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    return (e as ConfigError).problems.map((p) => `${p.variable}: ${p.message}`);
  }
  return [];
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, dataDir: './.data', seedDemo: true, logLevel: 'info' });
    expect(c.databaseUrl).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT: must be a number'],
    [{ PORT: '70000' }, 'PORT: must be between 0 and 65535'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL: must be one of'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL: must be a postgres'],
    [{ OMS_ADMIN_EMAIL: 'nope' }, 'OMS_ADMIN_EMAIL: must be an email'],
    [{ OMS_ADMIN_PASSWORD: 'short' }, 'OMS_ADMIN_PASSWORD: must be at least 8'],
    [{ OMS_SEED_DEMO: 'maybe' }, 'OMS_SEED_DEMO: must be true or false'],
    [{ JWT_SECRET: 'tooshort' }, 'JWT_SECRET: must be at least 32'],
  ])('names the bad variable in %j', (env, expected) => {
    expect(problems(env).join('\n')).toContain(expected);
  });

  it('lists every bad variable at once', () => {
    expect(problems({ PORT: 'x', LOG_LEVEL: 'y' })).toHaveLength(2);
  });

  it('requires JWT_SECRET when an external database is used', () => {
    expect(problems({ DATABASE_URL: 'postgres://u@h/db' })).toEqual([
      'JWT_SECRET: is required when DATABASE_URL is set (every process must share it)',
    ]);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });
});
