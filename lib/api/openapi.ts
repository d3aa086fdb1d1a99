import { z } from 'zod';
import type { Operation } from '@/lib/api/operation';
import { OPERATIONS } from '@/lib/api/operations';
import { API_PROBLEMS, PROBLEM_DOCS } from '@/lib/api/problem';
import { SCOPES } from '@/lib/api/scopes';

type JsonSchema = Record<string, unknown>;

/** The JSON Schema of a request (io: input) or an answer as sent (its codecs' wire side). */
function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

const STATUS_WORDS: Record<number, string> = {
  400: 'The body is not JSON',
  401: 'No token, or not a live one',
  403: 'The token lacks the scope',
  404: 'Not found (or someone else’s)',
  409: 'Conflicts with the current state',
  413: 'Too large for the limits or the quota',
  415: 'The body is not JSON',
  422: 'A field is not valid, or a rule refused the request',
  429: 'Too many requests: see Retry-After',
  502: 'A storage source’s bucket refused the request (its credentials or permissions)',
  503: 'A storage source’s bucket cannot be reached: retry in a moment',
};

const TAG_DESCRIPTIONS: Record<Operation['tag'], string> = {
  Account: 'The token and the person it belongs to.',
  Files: 'Files and folders: list, search, rename, move, delete, and direct S3 links.',
  Uploads: 'Uploads straight to the bucket: a presigned POST form, or a multipart plan for large files.',
  Shares: 'Links with an expiry, recipients who are emailed their own link, and what each did.',
  Requests: 'Upload requests: links through which other people send files in.',
  Sources: 'Storage sources: buckets and prefixes an admin mounted for you, listed live; their objects are shared where they are, never copied.',
};

const problemRef = { $ref: '#/components/responses/Problem' };

/** Path and query parameters, one per property of the operation's schemas. */
function parameters(op: Operation): JsonSchema[] {
  const list: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', op.params],
    ['query', op.query],
  ] as const) {
    const json = jsonSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = property;
      list.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: rest, ...(description ? { description } : {}) });
    }
  }
  if (op.idempotent) {
    list.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Any unique string (a UUID): a retry with the same key returns the first answer and creates nothing new. Kept for 24 hours.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    });
  }
  return list;
}

function operationObject(op: Operation): JsonSchema {
  const errors = [...new Set([401, 403, 422, 429, ...op.errors])].sort();
  return {
    operationId: op.id,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description && { description: op.description }),
    security: [{ bearerAuth: op.scope ? [op.scope] : [] }],
    ...(op.scope && { 'x-scope': op.scope }),
    parameters: parameters(op),
    ...(op.body && { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } }),
    responses: {
      [op.status]: {
        description: op.status === 201 ? 'Created' : 'OK',
        headers: { RateLimit: { $ref: '#/components/headers/RateLimit' }, 'RateLimit-Policy': { $ref: '#/components/headers/RateLimit-Policy' } },
        content: { 'application/json': { schema: jsonSchema(op.response) } },
      },
      ...Object.fromEntries(errors.map((status) => [status, { ...problemRef, description: STATUS_WORDS[status] }])),
    },
  };
}

/** The OpenAPI 3.1 document of /api/v1, made from the operations' own schemas. */
export function openApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Handoff API',
      version: '1',
      description: `Everything the web app does with files, uploads, shares and upload requests, for scripts. Authenticate with a personal access token (Settings → API tokens): \`Authorization: Bearer hnd_…\`. Errors are RFC 9457 problem documents; their types are listed at ${PROBLEM_DOCS}.`,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/api/v1' }],
    tags: [...new Set(OPERATIONS.map((op) => op.tag))].map((name) => ({ name, description: TAG_DESCRIPTIONS[name] })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: `A personal access token (hnd_…). Scopes: ${SCOPES.join(', ')}.` },
      },
      headers: {
        RateLimit: { description: 'What is left of this token’s window (IETF RateLimit header fields).', schema: { type: 'string' } },
        'RateLimit-Policy': { description: 'This token’s quota per window.', schema: { type: 'string' } },
      },
      responses: {
        Problem: {
          description: 'An RFC 9457 problem document.',
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: {
              type: 'string',
              description: `Stable per kind of error: ${PROBLEM_DOCS}#problem-<name>.`,
              examples: [`${PROBLEM_DOCS}#problem-${Object.keys(API_PROBLEMS)[0]}`],
            },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string', description: 'What went wrong this time, and what to do.' },
            instance: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                required: ['in', 'field', 'detail'],
                properties: { in: { enum: ['body', 'query', 'path'] }, field: { type: 'string' }, detail: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  };
}
