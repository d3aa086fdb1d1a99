'use client';

import { useTranslations } from 'next-intl';
import type { NotificationCommands } from '@/lib/sources/notification-setup';
import { CopyButton } from '@/components/ui/copy-button';

/** The push endpoint of a source (it holds the source's secret) and the commands to paste for radosgw and MinIO. */
export function NotificationPanel({ hookUrl, commands }: { hookUrl: string; commands: NotificationCommands }) {
  const t = useTranslations('admin.sources');
  return (
    <details className="rounded-lg border border-zinc-200 px-3 py-2 text-sm">
      <summary className="cursor-pointer font-medium">{t('notifications')}</summary>
      <div className="mt-3 space-y-4">
        <div className="space-y-1.5">
          <p className="font-medium">{t('hookUrl')}</p>
          <p className="text-zinc-600">{t('hookHint')}</p>
          <div className="flex flex-wrap items-center gap-2">
            <code className="min-w-0 flex-1 rounded bg-zinc-100 px-2 py-1 font-mono text-xs break-all" data-testid="hook-url">
              {hookUrl}
            </code>
            <CopyButton value={hookUrl} />
          </div>
        </div>
        <Commands title={t('radosgw')} lines={commands.radosgw} />
        <Commands title={t('minio')} lines={commands.minio} />
        <p className="text-zinc-600">{t('otherStores')}</p>
      </div>
    </details>
  );
}

function Commands({ title, lines }: { title: string; lines: string[] }) {
  const text = lines.join('\n');
  return (
    <div className="space-y-1.5">
      <p className="font-medium">{title}</p>
      <pre className="overflow-x-auto rounded bg-zinc-100 px-2 py-1 font-mono text-xs whitespace-pre-wrap break-all">{text}</pre>
      <CopyButton value={text} />
    </div>
  );
}
