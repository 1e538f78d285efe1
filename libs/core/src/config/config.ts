import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  PORT: z.coerce
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  OMS_DATA_DIR: z.string().min(1, 'must not be empty').default('./.data'),
  OMS_ADMIN_EMAIL: z.email('must be an email address').default('admin@oms.local'),
  OMS_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  OMS_SEED_DEMO: bool.default(true),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  OMS_JOB_TIMEOUT_SECONDS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .min(2, 'must be at least 2')
    .max(86_400, 'must be at most 86400')
    .default(300),
  LOG_LEVEL: z.enum(logLevels, { message: `must be one of ${logLevels.join(', ')}` }).default('info'),
});

export type RawConfig = z.infer<typeof schema>;

/** Validated configuration. `jwtSecret` is always set once the runtime has resolved secrets. */
export interface AppConfig {
  databaseUrl?: string;
  port: number;
  dataDir: string;
  adminEmail: string;
  adminPassword?: string;
  seedDemo: boolean;
  jwtSecret?: string;
  logLevel: (typeof logLevels)[number];
  /** How long a job (an event delivery) may run before it is presumed lost with its worker and retried. */
  jobTimeoutSeconds: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      'Invalid configuration:\n' + problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable counts as unset, as in most shells' `FOO= cmd`.
  const picked = Object.fromEntries(
    Object.keys(schema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = schema.safeParse(picked);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0]), message: i.message })),
    );
  }
  const c = parsed.data;
  if (c.DATABASE_URL && !c.JWT_SECRET) {
    throw new ConfigError([
      {
        variable: 'JWT_SECRET',
        message: 'is required when DATABASE_URL is set (every process must share it)',
      },
    ]);
  }
  return {
    databaseUrl: c.DATABASE_URL,
    port: c.PORT,
    dataDir: c.OMS_DATA_DIR,
    adminEmail: c.OMS_ADMIN_EMAIL.toLowerCase(),
    adminPassword: c.OMS_ADMIN_PASSWORD,
    seedDemo: c.OMS_SEED_DEMO,
    jwtSecret: c.JWT_SECRET,
    logLevel: c.LOG_LEVEL,
    jobTimeoutSeconds: c.OMS_JOB_TIMEOUT_SECONDS,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
