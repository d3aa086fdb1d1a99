import { useTranslations } from 'next-intl';
import { constraintsOf, nestedShapes, typeOf, type Schema } from '@/components/api-docs/json-schema';
import type { Parameter } from '@/components/api-docs/openapi-types';
import { InlineCode } from '@/components/api-docs/inline-code';

/** Deep enough for any body the API takes; a schema that refers to itself stops here. */
const MAX_DEPTH = 6;

const code = 'font-mono text-sm break-all';

type Field = { name: string; schema: Schema; required: boolean; where?: string; description?: string };

/** The fields of an object schema (a body, an answer, or an object inside one), nested objects under their field. */
export function SchemaFields({ schema, root, depth = 0 }: { schema: Schema; root: Schema; depth?: number }) {
  const t = useTranslations('settings.apiDocs');
  const shapes = nestedShapes(schema, root);
  if (shapes.length === 0) return <p className="text-sm text-zinc-600">{t('noFields')}</p>;
  if (shapes.length === 1) return <FieldList fields={fieldsOf(shapes[0]!)} root={root} depth={depth} />;
  return (
    <div className="space-y-2">
      <p className="text-sm text-zinc-700">{t('oneOf')}</p>
      <ol className="space-y-3">
        {shapes.map((shape, i) => (
          <li key={i} className="rounded-lg border border-zinc-200 p-3">
            <p className="mb-2 text-sm font-medium">{t('variant', { number: i + 1 })}</p>
            <FieldList fields={fieldsOf(shape)} root={root} depth={depth} />
          </li>
        ))}
      </ol>
    </div>
  );
}

function fieldsOf(shape: Schema): Field[] {
  const required = new Set(shape.required ?? []);
  return Object.entries(shape.properties ?? {}).map(([name, schema]) => ({ name, schema, required: required.has(name), description: schema.description }));
}

/** Path, query and header parameters, listed like body fields with where each one goes. */
export function ParameterList({ parameters }: { parameters: Parameter[] }) {
  const t = useTranslations('settings.apiDocs.in');
  const fields = parameters.map((p) => ({ name: p.name, schema: p.schema, required: Boolean(p.required), where: t(p.in), description: p.description ?? p.schema.description }));
  return <FieldList fields={fields} root={{}} depth={0} />;
}

function FieldList({ fields, root, depth }: { fields: Field[]; root: Schema; depth: number }) {
  const t = useTranslations('settings.apiDocs');
  if (fields.length === 0) return <p className="text-sm text-zinc-600">{t('noFields')}</p>;
  return (
    <ul className={`space-y-2 ${depth > 0 ? 'mt-2 border-l-2 border-zinc-200 pl-3' : ''}`}>
      {fields.map((field) => {
        const constraints = constraintsOf(field.schema, root);
        const hasNested = depth < MAX_DEPTH && nestedShapes(field.schema, root).length > 0;
        return (
          <li key={field.name} className="min-w-0 text-sm">
            <p className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
              <code className={`${code} font-semibold text-zinc-900`}>{field.name}</code>
              <code className={`${code} text-zinc-700`}>{typeOf(field.schema, root)}</code>
              <span className={field.required ? 'text-xs font-medium text-red-700' : 'text-xs text-zinc-600'}>{field.required ? t('required') : t('optional')}</span>
              {field.where && <span className="text-xs text-zinc-600">{field.where}</span>}
            </p>
            {constraints.length > 0 && <p className={`${code} text-xs text-zinc-600`}>{constraints.join(' · ')}</p>}
            {field.description && (
              <p className="text-zinc-700">
                <InlineCode text={field.description} />
              </p>
            )}
            {hasNested && <SchemaFields schema={field.schema} root={root} depth={depth + 1} />}
          </li>
        );
      })}
    </ul>
  );
}
