import 'server-only';
import { z } from 'zod';
import { parseBytes } from '@/lib/bytes';

// The one place that reads process.env. Parsed on first use (not at import) so `next build`
// works without runtime secrets; instrumentation.ts calls loadEnv() at start so a bad value
// stops the server immediately with the variable's name.

const optional = z.string().trim().optional();

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const bytes = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, ctx) => {
      const parsed = parseBytes(value);
      if (parsed === null || parsed <= 0) {
        ctx.addIssue({ code: 'custom', message: `expected a size such as 5GB or 1048576, got "${value}"` });
        return z.NEVER;
      }
      return parsed;
    });

const seconds = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    APP_URL: z.url().default('http://localhost:3000'),
    TRUSTED_PROXIES: z.coerce.number().int().min(0, 'must be 0 (clients connect directly) or the number of proxies in front').max(10).default(0),
    AUTH_SECRET: z
      .string({ error: 'required: a random secret of at least 32 characters (try: openssl rand -base64 32)' })
      .min(32, 'must be at least 32 characters (try: openssl rand -base64 32)'),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, 'must be a SQLite "file:" URL or a PostgreSQL "postgresql://" one')
      .default('file:./.data/handoff.db'),

    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid S3 bucket name'),
    S3_ACCESS_KEY_ID: optional,
    S3_SECRET_ACCESS_KEY: optional,
    S3_FORCE_PATH_STYLE: bool,

    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .default('smtp://127.0.0.1:1025'),
    MAIL_FROM: z.string().min(3).default('Handoff <handoff@localhost>'),
    INVITES_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(100),
    API_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(300),

    SIGNIN_ALLOWLIST: optional,
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: optional,
    OIDC_CLIENT_SECRET: optional,
    OIDC_NAME: z.string().default('Single sign-on'),
    REQUIRE_SECOND_FACTOR: bool,

    CLOUDFRONT_DOMAIN: optional,
    CLOUDFRONT_KEY_PAIR_ID: optional,
    CLOUDFRONT_PRIVATE_KEY: optional,
    CLOUDFRONT_PRIVATE_KEY_FILE: optional,
    CLOUDFRONT_BIND_CLIENT_IP: bool,

    MAX_UPLOAD_SIZE: bytes('5GB'),
    STORAGE_QUOTA: bytes('50GB'),
    MULTIPART_THRESHOLD: bytes('64MiB'),
    MULTIPART_PART_SIZE: bytes('16MiB'),
    UPLOAD_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(4),
    UPLOAD_URL_TTL_SECONDS: seconds(600, 600),
    DOWNLOAD_URL_TTL_SECONDS: seconds(60, 3600),
    PENDING_UPLOAD_MAX_AGE_SECONDS: seconds(3600, 30 * 86400),
    BACKGROUND_JOBS: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .default('true')
      .transform((v) => v === 'true'),
    // How often each background job runs. Tests shorten them; the defaults suit production.
    OUTBOX_INTERVAL_SECONDS: seconds(10, 3600),
    SCAN_INTERVAL_SECONDS: seconds(10, 3600),
    SWEEP_INTERVAL_SECONDS: seconds(600, 86400),

    CLAMAV_URL: z
      .string()
      .trim()
      .regex(/^tcp:\/\/[^/:\s]+:\d{1,5}\/?$/, "must be clamd's TCP address, like tcp://127.0.0.1:3310")
      .optional(),
    ADMIN_EMAILS: optional,
    SOURCES_KEY: z.string().min(32, 'must be at least 32 characters (try: openssl rand -base64 32)').optional(),
    SOURCES_FILE: optional,

    // Health and metrics (README, Deploying: Health and metrics). Unset: /api/metrics is a 404.
    METRICS_TOKEN: z.string().trim().min(16, 'must be at least 16 characters (try: openssl rand -base64 32)').optional(),
    READY_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2000),

    CLAMAV_INFECTED: z.enum(['quarantine', 'delete'], { error: 'must be quarantine or delete' }).default('quarantine'),
    // npm run bench only: serves the framework's ceiling (app/s/[token]/download/ceiling); never set in production.
    BENCH_CEILING_ROUTE: bool,
  })
  .superRefine((env, ctx) => {
    const isProduction = env.NODE_ENV === 'production';
    if (isProduction && !env.SIGNIN_ALLOWLIST) {
      ctx.addIssue({ code: 'custom', path: ['SIGNIN_ALLOWLIST'], message: 'required in production: emails and @domains separated by commas, or * to let anyone sign in' });
    }
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({
        code: 'custom',
        path: ['S3_SECRET_ACCESS_KEY'],
        message: 'set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (to use the default AWS credential chain)',
      });
    }
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter(Boolean).length;
    if (oidc !== 0 && oidc !== 3) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'set all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none' });
    }
    const cloudfront = [env.CLOUDFRONT_DOMAIN, env.CLOUDFRONT_KEY_PAIR_ID, env.CLOUDFRONT_PRIVATE_KEY ?? env.CLOUDFRONT_PRIVATE_KEY_FILE].filter(Boolean).length;
    if (cloudfront !== 0 && cloudfront !== 3) {
      ctx.addIssue({
        code: 'custom',
        path: ['CLOUDFRONT_DOMAIN'],
        message: 'set CLOUDFRONT_DOMAIN, CLOUDFRONT_KEY_PAIR_ID and CLOUDFRONT_PRIVATE_KEY (or _FILE) together, or none',
      });
    }
    if (env.MAX_UPLOAD_SIZE > 5 * 1024 ** 4) {
      ctx.addIssue({ code: 'custom', path: ['MAX_UPLOAD_SIZE'], message: 'S3 objects stop at 5 TiB' });
    }
    if (env.MULTIPART_PART_SIZE < 5 * 1024 ** 2 || env.MULTIPART_PART_SIZE > 5 * 1024 ** 3) {
      ctx.addIssue({ code: 'custom', path: ['MULTIPART_PART_SIZE'], message: 'S3 parts are 5 MiB to 5 GiB' });
    }
  });

export type Env = z.infer<typeof schema>;

export class ConfigError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty line in .env (`OIDC_ISSUER=`) means "not set".
  const result = schema.safeParse(Object.fromEntries(Object.entries(source).filter(([, value]) => value !== '')));
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * A variable named by configuration rather than by the app (SOURCES_FILE's secretAccessKeyEnv
 * holds the name of the one with a source's secret): its value, or undefined when unset or empty.
 */
export function namedVariable(name: string): string | undefined {
  return process.env[name] || undefined;
}
