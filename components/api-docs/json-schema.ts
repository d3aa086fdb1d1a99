// Reading the JSON Schemas of the OpenAPI document (zod's draft 2020-12 output) for the docs page:
// any shape an operation declares is shown the same way, so new operations need nothing here.

export type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  description?: string;
  $ref?: string;
  $defs?: Record<string, Schema>;
  [keyword: string]: unknown;
};

/** The keywords shown beside a field's type, as they are written in JSON Schema. */
const CONSTRAINTS = [
  'format',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'exclusiveMinimum',
  'maximum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'default',
];

const isNull = (schema: Schema) => schema.type === 'null';

/** A `$ref` into the document's own `$defs`, resolved; a reference back to the root stays as it is. */
export function resolve(schema: Schema, root: Schema): Schema {
  const name = schema.$ref?.match(/^#\/\$defs\/(.+)$/)?.[1];
  return name && root.$defs?.[name] ? root.$defs[name] : schema;
}

/** The alternatives of a union, without `null` (shown as "| null" in the type). */
export function variantsOf(schema: Schema): Schema[] {
  return (schema.anyOf ?? schema.oneOf ?? []).filter((variant) => !isNull(variant));
}

const parenthesised = (type: string) => (type.includes(' | ') ? `(${type})` : type);

/** The type as a TypeScript-like expression: `string`, `integer | null`, `"asc" | "desc"`, `object[]`. */
export function typeOf(schema: Schema, root: Schema): string {
  const resolved = resolve(schema, root);
  if (resolved.$ref) return resolved.$ref === '#' ? 'object' : resolved.$ref.split('/').pop()!;
  if ('const' in resolved) return JSON.stringify(resolved.const);
  if (resolved.enum) return resolved.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (resolved.anyOf ?? resolved.oneOf) return [...new Set((resolved.anyOf ?? resolved.oneOf)!.map((variant) => typeOf(variant, root)))].join(' | ');
  if (resolved.allOf?.length === 1) return typeOf(resolved.allOf[0]!, root);
  const types = Array.isArray(resolved.type) ? resolved.type : resolved.type ? [resolved.type] : [];
  if (types.length === 0) return resolved.properties ? 'object' : 'any';
  return types.map((type) => (type === 'array' ? `${parenthesised(typeOf(resolved.items ?? {}, root))}[]` : type)).join(' | ');
}

/** `minLength: 1`, `maximum: 604800`, …: the limits a value must keep, as JSON Schema names them. */
export function constraintsOf(schema: Schema, root: Schema): string[] {
  const resolved = resolve(schema, root);
  // A format says what the pattern zod writes for it spells out (the date-time one is 300 characters).
  const shown = CONSTRAINTS.filter((keyword) => keyword in resolved && !(keyword === 'pattern' && 'format' in resolved));
  const own = shown.map((keyword) => `${keyword}: ${JSON.stringify(resolved[keyword])}`);
  const fromVariants = variantsOf(resolved).flatMap((variant) => (variantsOf(variant).length || variant.properties ? [] : constraintsOf(variant, root)));
  const fromItems = resolved.items ? constraintsOf(resolved.items, root).map((text) => `items ${text}`) : [];
  return [...new Set([...own, ...fromVariants, ...fromItems])];
}

/**
 * The object shapes to list under a field: its own properties, an array's items, or each object
 * among a union's alternatives (more than one: "one of").
 */
export function nestedShapes(schema: Schema, root: Schema): Schema[] {
  const resolved = resolve(schema, root);
  if (resolved.properties) return [resolved];
  if (resolved.items) return nestedShapes(resolved.items, root);
  return variantsOf(resolved).flatMap((variant) => nestedShapes(variant, root));
}
