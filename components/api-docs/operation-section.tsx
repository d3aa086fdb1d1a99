import { useTranslations } from 'next-intl';
import type { DocumentedOperation } from '@/components/api-docs/openapi-types';
import { InlineCode } from '@/components/api-docs/inline-code';
import { ParameterList, SchemaFields } from '@/components/api-docs/field-list';

const METHOD_STYLE: Record<string, string> = {
  GET: 'bg-sky-100 text-sky-900',
  POST: 'bg-green-100 text-green-900',
  PATCH: 'bg-amber-100 text-amber-900',
  DELETE: 'bg-red-100 text-red-900',
};

const subheading = 'mt-4 mb-2 text-sm font-semibold text-zinc-900';

/** One operation: its anchor (#op-<operationId>), method and path, scope, parameters, body and answer. */
export function OperationSection({ operation, basePath }: { operation: DocumentedOperation; basePath: string }) {
  const t = useTranslations('settings.apiDocs');
  const [successStatus, success] = Object.entries(operation.responses).find(([status]) => status.startsWith('2')) ?? [];
  const others = Object.entries(operation.responses).filter(([status]) => !status.startsWith('2'));
  const body = operation.requestBody?.content['application/json']?.schema;
  const answer = success?.content?.['application/json']?.schema;
  const headingId = `op-${operation.operationId}-heading`;
  const isIdempotent = operation.parameters?.some((p) => p.in === 'header' && p.name === 'Idempotency-Key');
  return (
    <section
      id={`op-${operation.operationId}`}
      aria-labelledby={headingId}
      className="scroll-mt-4 rounded-xl border border-zinc-200 bg-white p-4 sm:p-5"
      data-testid="api-operation"
    >
      <h3 id={headingId} className="font-semibold">
        {operation.summary ?? operation.operationId}
      </h3>
      <p className="mt-1 flex flex-wrap items-center gap-2">
        <span className={`rounded px-1.5 py-0.5 font-mono text-xs font-bold ${METHOD_STYLE[operation.method] ?? 'bg-zinc-100 text-zinc-900'}`}>{operation.method}</span>
        <code className="font-mono text-sm break-all">
          {basePath}
          {operation.path}
        </code>
      </p>
      {operation.description && (
        <p className="mt-2 text-sm text-zinc-700">
          <InlineCode text={operation.description} />
        </p>
      )}
      <p className="mt-2 text-sm">
        <span className="font-medium">{t('scope')}: </span>
        {operation['x-scope'] ? <code className="font-mono">{operation['x-scope']}</code> : t('anyToken')}
      </p>
      {isIdempotent && <p className="mt-1 text-sm text-zinc-700">{t.rich('idempotent', { code: (chunks) => <code className="font-mono">{chunks}</code> })}</p>}
      {(operation.parameters?.length ?? 0) > 0 && (
        <>
          <h4 className={subheading}>{t('parameters')}</h4>
          <ParameterList parameters={operation.parameters!} />
        </>
      )}
      {body && (
        <>
          <h4 className={subheading}>{t('requestBody')}</h4>
          <SchemaFields schema={body} root={body} />
        </>
      )}
      {answer && (
        <>
          <h4 className={subheading}>{t('response', { status: successStatus! })}</h4>
          <SchemaFields schema={answer} root={answer} />
        </>
      )}
      {others.length > 0 && (
        <>
          <h4 className={subheading}>{t('otherAnswers')}</h4>
          <ul className="space-y-0.5 text-sm text-zinc-700">
            {others.map(([status, response]) => (
              <li key={status}>
                <span className="font-mono font-medium text-zinc-900">{status}</span> {response.description}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
