import 'server-only';
import { z } from 'zod';
import { readFileSync } from 'node:fs';
import { ConfigError, env, namedVariable } from '@/lib/env';
import { renderMessage } from '@/lib/actions/user-error';
import { cleanName } from '@/lib/validation/names';
import { bucketField, endpointField, prefixField, reachesAppObjects, regionField } from '@/lib/sources/source-fields';

// SOURCES_FILE: storage sources for people who deploy with files. Read once at start; a bad
// entry stops the server with the entry and the field, as a bad variable does (lib/env.ts).

const entry = z
  .object({
    key: z.string().regex(/^[A-Za-z0-9][\w.-]{0,63}$/, 'must be 1–64 letters, digits, ".", "_" or "-"'),
    name: z.string().transform(cleanName).pipe(z.string().min(1, 'must not be empty').max(255, 'must be at most 255 characters')),
    bucket: bucketField,
    prefix: prefixField.default(''),
    endpoint: endpointField.optional(),
    region: regionField.optional(),
    forcePathStyle: z.boolean().default(false),
    accessKeyId: z.string().trim().min(1).max(256).optional(),
    secretAccessKey: z.string().min(1).max(1024).optional(),
    secretAccessKeyEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the name of an environment variable')
      .optional(),
    user: z.email('must be an email address').toLowerCase().optional(),
    writable: z.boolean().default(false),
    pollSeconds: z.number().int().min(10, 'must be 10 to 86400 seconds').max(86400, 'must be 10 to 86400 seconds').optional(),
  })
  .strict()
  .superRefine((source, ctx) => {
    if (source.secretAccessKey && source.secretAccessKeyEnv)
      ctx.addIssue({ code: 'custom', path: ['secretAccessKeyEnv'], message: 'give secretAccessKey or secretAccessKeyEnv, not both' });
    if (source.secretAccessKeyEnv && !namedVariable(source.secretAccessKeyEnv)) {
      ctx.addIssue({ code: 'custom', path: ['secretAccessKeyEnv'], message: `names ${source.secretAccessKeyEnv}, which is not set` });
    }
    const hasSecret = Boolean(source.secretAccessKey || source.secretAccessKeyEnv);
    if (Boolean(source.accessKeyId) !== hasSecret)
      ctx.addIssue({ code: 'custom', path: ['accessKeyId'], message: 'set accessKeyId with secretAccessKey (or secretAccessKeyEnv), or neither' });
  });

const file = z
  .object({ sources: z.array(entry) })
  .strict()
  .superRefine(({ sources }, ctx) => {
    const seen = new Set<string>();
    const app = { endpoint: env().S3_ENDPOINT ?? null, bucket: env().S3_BUCKET };
    sources.forEach((source, index) => {
      if (seen.has(source.key)) ctx.addIssue({ code: 'custom', path: ['sources', index, 'key'], message: `"${source.key}" is used by another entry` });
      seen.add(source.key);
      if (reachesAppObjects({ ...source, endpoint: source.endpoint ?? null }, app))
        ctx.addIssue({ code: 'custom', path: ['sources', index, 'prefix'], message: 'admin.errors.appObjects' });
    });
  });

/** One source of the file, ready to store (the secret still plain: it is sealed when stored). */
export type FileSource = {
  key: string;
  name: string;
  bucket: string;
  prefix: string;
  endpoint: string | null;
  region: string | null;
  forcePathStyle: boolean;
  accessKeyId: string | null;
  secretAccessKey: string | null;
  user: string | null;
  writable: boolean;
  pollSeconds: number | null;
};

/** The sources of SOURCES_FILE, or null when it is not set; a ConfigError when it cannot be read or is wrong. */
export function readSourcesFile(): FileSource[] | null {
  const path = env().SOURCES_FILE;
  if (!path) return null;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`SOURCES_FILE: cannot read ${path} (${error instanceof Error && 'code' in error ? String(error.code) : String(error)})`);
  }
  return parseSourcesFile(text);
}

/** The sources of a SOURCES_FILE's text, or a ConfigError that names each bad entry and field. */
export function parseSourcesFile(text: string): FileSource[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`SOURCES_FILE is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = file.safeParse(json);
  if (!parsed.success) throw new ConfigError(`SOURCES_FILE has mistakes:\n${parsed.error.issues.map((issue) => `  ${where(json, issue.path)}: ${say(issue.message)}`).join('\n')}`);
  return parsed.data.sources.map(({ secretAccessKeyEnv, ...source }) => ({
    ...source,
    endpoint: source.endpoint ?? null,
    region: source.region ?? null,
    accessKeyId: source.accessKeyId ?? null,
    secretAccessKey: source.secretAccessKey ?? (secretAccessKeyEnv ? namedVariable(secretAccessKeyEnv)! : null),
    user: source.user ?? null,
    pollSeconds: source.pollSeconds ?? null,
  }));
}

/** `sources[2] ("acme").bucket`: the entry by position and key, then the field. */
function where(json: unknown, path: PropertyKey[]): string {
  const [, index, ...field] = path;
  if (path[0] !== 'sources' || typeof index !== 'number') return path.map(String).join('.') || '(file)';
  const key = (json as { sources: { key?: unknown }[] }).sources[index]?.key;
  return `sources[${index}]${typeof key === 'string' ? ` ("${key}")` : ''}${field.length ? `.${field.map(String).join('.')}` : ''}`;
}

/** Shared field rules speak in message keys (admin.json); the file's reader gets the English text. */
const say = (message: string) => renderMessage('en', message);
