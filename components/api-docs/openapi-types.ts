import type { Schema } from '@/components/api-docs/json-schema';

// The parts of an OpenAPI 3.1 document (lib/api/openapi.ts) the docs page reads.

export type Parameter = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; description?: string; schema: Schema };

export type Response = { description?: string; content?: Record<string, { schema: Schema }> };

export type OperationObject = {
  operationId: string;
  tags?: string[];
  summary?: string;
  description?: string;
  'x-scope'?: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, Response>;
};

export type DocumentedOperation = OperationObject & { method: string; path: string };

export type OpenApiDocument = { servers?: { url: string }[]; tags?: { name: string }[]; paths: Record<string, Record<string, OperationObject>> };

/** Every operation of the document with its method and path, grouped by its first tag, in the document's order. */
export function operationsByTag(document: OpenApiDocument): [string, DocumentedOperation[]][] {
  const groups = new Map<string, DocumentedOperation[]>((document.tags ?? []).map((tag) => [tag.name, []]));
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const tag = operation.tags?.[0] ?? '';
      groups.set(tag, [...(groups.get(tag) ?? []), { ...operation, method: method.toUpperCase(), path }]);
    }
  }
  return [...groups].filter(([, operations]) => operations.length > 0);
}
