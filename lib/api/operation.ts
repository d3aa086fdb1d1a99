import { z } from 'zod';
import type { Scope } from '@/lib/api/scopes';
import type { TokenCaller } from '@/lib/api/tokens';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

type Input<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = { params: z.output<P>; query: z.output<Q>; body: z.output<B> };

/**
 * One call of the API, declared once: its schemas validate the request and encode the answer
 * (lib/api/handle.ts), and the OpenAPI document is generated from them (lib/api/openapi.ts).
 * `run` is the thin part: it calls the one function in lib/ that the web app's action calls too.
 */
export type Operation<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> = {
  /** The OpenAPI operationId: stable, camelCase. */
  id: string;
  method: Method;
  /** Under /api/v1, OpenAPI style: "/files/{id}". */
  path: string;
  tag: 'Account' | 'Files' | 'Uploads' | 'Shares' | 'Requests' | 'Sources';
  summary: string;
  description?: string;
  /** null: any live token (whoami). */
  scope: Scope | null;
  params: P;
  query: Q;
  body: B | null;
  /** The answer's schema (wire form: dates are ISO strings). Fields it does not name are dropped. */
  response: R;
  /** 201 for calls that create something. */
  status: 200 | 201;
  /** Creating calls accept an Idempotency-Key header (lib/api/idempotency.ts). */
  idempotent: boolean;
  /** The statuses a client should expect besides success and the ones every call can give. */
  errors: number[];
  run: (input: Input<P, Q, B>, caller: TokenCaller) => Promise<z.output<R>>;
};

const none = z.object({});

/** Declares an operation: schemas left out mean "takes none". */
export function operation<P extends z.ZodType = typeof none, Q extends z.ZodType = typeof none, B extends z.ZodType = typeof none, R extends z.ZodType = z.ZodType>(
  op: Omit<Operation<P, Q, B, R>, 'params' | 'query' | 'body' | 'status' | 'idempotent' | 'errors'> &
    Partial<Pick<Operation<P, Q, B, R>, 'params' | 'query' | 'body' | 'status' | 'idempotent' | 'errors'>>,
): Operation<P, Q, B, R> {
  return { params: none as never, query: none as never, body: null, status: 200, idempotent: false, errors: [], ...op };
}

/** An ISO 8601 date-time on the wire, a Date in lib/. */
export const dateTime = z.codec(z.iso.datetime({ offset: true }), z.date(), { decode: (text) => new Date(text), encode: (date) => date.toISOString() });
