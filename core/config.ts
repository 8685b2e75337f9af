import { z } from 'zod';

/** Environment variables the server understands; documented in the README's configuration table. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DEFAULT_TENANT: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: z.coerce.number().int().positive().default(1024 * 1024),
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
  JOBS: z.enum(['on', 'off']).default('on'),
  SEED_DEMO: z.enum(['on', 'off']).default('on'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must look like smtp://user:password@host:587').optional(),
  MAIL_FROM: z.string().default('Dorfplatz <no-reply@localhost>'),
  MEDIA_MAX_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  MEDIA_S3_ENDPOINT: z.string().url().optional(),
  MEDIA_S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,62}$/, 'MEDIA_S3_BUCKET must be an S3 bucket name').optional(),
  MEDIA_S3_REGION: z.string().default('us-east-1'),
  MEDIA_S3_ACCESS_KEY: z.string().optional(),
  MEDIA_S3_SECRET_KEY: z.string().optional(),
  MEDIA_S3_PUBLIC_URL: z.string().url().optional(),
  VAPID_SUBJECT: z.string().regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, 'VAPID_SUBJECT must be a mailto: or https: contact, e.g. mailto:push@example.org').optional(),
  EXPO_PUSH_URL: z.string().url().default('https://exp.host/--/api/v2/push'),
  EXPO_ACCESS_TOKEN: z.string().optional(),
  EXPO_PUSH_RATE: z.coerce.number().positive().default(600),
  SECRETS_KEY: z
    .string()
    .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, 'SECRETS_KEY must be 32 bytes, as 64 hex digits or base64 (openssl rand -base64 32)')
    .optional(),
});

/** An S3-compatible bucket for uploaded media (all of endpoint, bucket and keys, or none). */
export type MediaS3Config = { endpoint: string; bucket: string; region: string; accessKey: string; secretKey: string; publicUrl: string };

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  defaultTenant?: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  bodyLimit: number;
  poolSize: number;
  runJobs: boolean;
  seedDemo: boolean;
  trustProxy: boolean;
  /** Without it, mails are written to DATA_DIR/mail (development). */
  smtpUrl?: string;
  mailFrom: string;
  /** Largest upload to the media library, in bytes. */
  mediaMaxBytes: number;
  /** Without it, uploaded media are stored under DATA_DIR/media. */
  mediaS3?: MediaS3Config;
  push: PushConfig;
  /** Key that seals credentials stored for tenants (32 bytes); without it one is generated and kept in the database. */
  secretsKey?: Buffer;
};

/** Sending push messages (modules/push). */
export type PushConfig = {
  /** Contact the push services see in every VAPID JWT (`sub`); without it a mailto: of the host. */
  vapidSubject?: string;
  /** Base of the Expo push API (`/send`, `/getReceipts` are appended); tests point it at a local server. */
  expoUrl: string;
  expoAccessToken?: string;
  /** Expo messages per second for the whole deployment (Expo documents 600 per project). */
  expoRate: number;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    defaultTenant: e.DEFAULT_TENANT,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.BODY_LIMIT,
    poolSize: e.DATABASE_POOL_SIZE,
    runJobs: e.JOBS === 'on',
    seedDemo: e.SEED_DEMO === 'on',
    trustProxy: e.TRUST_PROXY === 'true',
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mediaMaxBytes: e.MEDIA_MAX_BYTES,
    mediaS3: mediaS3Of(e),
    secretsKey: e.SECRETS_KEY ? Buffer.from(e.SECRETS_KEY, e.SECRETS_KEY.length === 64 ? 'hex' : 'base64') : undefined,
    push: { vapidSubject: e.VAPID_SUBJECT, expoUrl: e.EXPO_PUSH_URL.replace(/\/+$/, ''), expoAccessToken: e.EXPO_ACCESS_TOKEN, expoRate: e.EXPO_PUSH_RATE },
  };
}

function mediaS3Of(e: z.infer<typeof EnvSchema>): MediaS3Config | undefined {
  const { MEDIA_S3_ENDPOINT: endpoint, MEDIA_S3_BUCKET: bucket, MEDIA_S3_ACCESS_KEY: accessKey, MEDIA_S3_SECRET_KEY: secretKey } = e;
  if (!endpoint && !bucket && !accessKey && !secretKey) return undefined;
  if (!endpoint || !bucket || !accessKey || !secretKey) {
    throw new Error('Invalid configuration:\n  MEDIA_S3_*: set MEDIA_S3_ENDPOINT, MEDIA_S3_BUCKET, MEDIA_S3_ACCESS_KEY and MEDIA_S3_SECRET_KEY together (or none of them).');
  }
  // Path-style addressing works with every S3-compatible service (MinIO, Garage, Ceph, AWS).
  const publicUrl = (e.MEDIA_S3_PUBLIC_URL ?? `${endpoint.replace(/\/+$/, '')}/${bucket}`).replace(/\/+$/, '');
  return { endpoint: endpoint.replace(/\/+$/, ''), bucket, region: e.MEDIA_S3_REGION, accessKey, secretKey, publicUrl };
}
