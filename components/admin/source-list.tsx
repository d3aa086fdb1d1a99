'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { deleteSource, testSourceConnection } from '@/app/(app)/admin/sources/actions';
import type { SourceRow } from '@/lib/sources/admin';
import { Dialog } from '@/components/ui/dialog';
import { button } from '@/components/ui/styles';
import { SourceForm } from '@/components/admin/source-form';
import { NotificationPanel } from '@/components/admin/notification-panel';

/** Every source with what it mounts and for whom, and its Test, Edit, Delete and Notifications. */
export function SourceList({ sources }: { sources: SourceRow[] }) {
  return (
    <ul className="divide-y divide-zinc-200" data-testid="source-list">
      {sources.map((source) => (
        <SourceItem key={source.id} source={source} />
      ))}
    </ul>
  );
}

function SourceItem({ source }: { source: SourceRow }) {
  const t = useTranslations('admin.sources');
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  return (
    <li className="space-y-3 py-4 first:pt-0 last:pb-0" aria-label={t('rowLabel', { name: source.name })} data-testid="source-row">
      <div className="flex flex-wrap items-center gap-2">
        <p className="min-w-0 flex-1 font-medium break-words">{source.name}</p>
        <Badge>{source.writable ? t('readWrite') : t('readOnly')}</Badge>
        {source.fromFile && <Badge>{t('fromFile')}</Badge>}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
        <Detail term={t('bucket')}>{source.bucket}</Detail>
        <Detail term={t('prefix')}>{source.prefix || t('wholeBucket')}</Detail>
        <Detail term={t('endpoint')}>{source.endpoint ?? t('appStore')}</Detail>
        <Detail term={t('mountedFor')}>{source.mountedFor ?? t('everyone')}</Detail>
        <Detail term={t('credentials')}>{source.accessKeyId ? t('ownKey', { id: source.accessKeyId }) : t('appKey')}</Detail>
        <Detail term={t('polling')}>{source.pollSeconds ? t('pollEvery', { seconds: source.pollSeconds }) : t('pollOff')}</Detail>
      </dl>
      <div className="flex flex-wrap gap-2">
        <TestConnection sourceId={source.id} />
        {!source.fromFile && (
          <>
            <button type="button" className={button.secondary} onClick={() => setDialog('edit')}>
              {t('edit')}
            </button>
            <button type="button" className={button.secondary} onClick={() => setDialog('delete')}>
              {t('delete')}
            </button>
          </>
        )}
      </div>
      <NotificationPanel hookUrl={source.hookUrl} commands={source.commands} />
      <Dialog open={dialog === 'edit'} onClose={() => setDialog(null)} title={t('editTitle', { name: source.name })} wide>
        <SourceForm source={source} onDone={() => setDialog(null)} />
      </Dialog>
      <Dialog open={dialog === 'delete'} onClose={() => setDialog(null)} title={t('deleteTitle', { name: source.name })}>
        <DeleteSource source={source} onCancel={() => setDialog(null)} />
      </Dialog>
    </li>
  );
}

function Badge({ children }: { children: React.ReactNode }) {
  return <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700">{children}</span>;
}

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-zinc-600">{term}</dt>
      <dd className="min-w-0 font-mono text-xs leading-5 break-all">{children}</dd>
    </>
  );
}

/** One ListObjectsV2 through the source's own credentials: green, or the store's refusal in words. */
function TestConnection({ sourceId }: { sourceId: string }) {
  const t = useTranslations('admin.sources');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  function test() {
    startTransition(async () => {
      const result = await testSourceConnection({ sourceId });
      setOutcome(result.ok ? { ok: true, text: t('reachable', { count: result.data.objects }) } : { ok: false, text: result.error });
    });
  }
  return (
    <>
      <button type="button" className={button.secondary} onClick={test} disabled={isPending}>
        {isPending ? t('testing') : t('test')}
      </button>
      <p role="status" aria-live="polite" data-testid="connection-outcome" className={`basis-full text-sm ${outcome?.ok ? 'text-green-700' : 'text-red-600'}`}>
        {outcome?.text}
      </p>
    </>
  );
}

function DeleteSource({ source, onCancel }: { source: SourceRow; onCancel: () => void }) {
  const t = useTranslations('admin.sources');
  const actions = useTranslations('common.actions');
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  function remove() {
    startTransition(async () => {
      const result = await deleteSource({ sourceId: source.id });
      if (result.ok) onCancel();
      else setError(result.error);
    });
  }
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-700">{t('deleteWarning')}</p>
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onCancel} className={button.secondary}>
          {actions('cancel')}
        </button>
        <button type="button" onClick={remove} disabled={isPending} className={button.danger}>
          {isPending ? t('deleting') : t('delete')}
        </button>
      </div>
    </div>
  );
}
