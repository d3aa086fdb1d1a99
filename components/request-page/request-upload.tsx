'use client';

import { useMemo, useState } from 'react';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { finishRequestBatch } from '@/app/r/[token]/actions';
import { UploadPanel } from '@/components/files/upload-panel';
import { senderUploadApi } from '@/components/request-page/sender-upload-api';
import { formatBytes } from '@/lib/bytes';
import { isAllowedType } from '@/lib/requests/allowed-types';
import { field, label } from '@/components/ui/styles';

type Props = {
  isFull: boolean;
  token: string;
  requestId: string;
  ownerName: string;
  maxSize: number;
  multipartThreshold: number;
  concurrency: number;
  allowedTypes: string[];
};

const SENDER_NAME_ID = 'sender-name';
const readSenderName = () => (document.getElementById(SENDER_NAME_ID) as HTMLInputElement | null)?.value ?? '';

/** The sender's side: who they are (optional), the files, and a clear end once a batch is in. */
export function RequestUpload({ isFull, token, requestId, ownerName, allowedTypes, ...limits }: Props) {
  // The name is read from its field when each upload starts, so the api (and uploads under way) need
  // not change as it is typed.
  const api = useMemo(() => senderUploadApi(token, readSenderName), [token]);
  const [sent, setSent] = useState<{ count: number; notified: boolean } | null>(null);
  const t = useTranslations('requests.sender');
  const locale = useLocale();
  const types = useFormatter().list(allowedTypes, { type: 'unit' });

  async function batchDone(handles: string[]) {
    const reported = await finishRequestBatch({ token, handles });
    setSent((previous) => ({ count: (previous?.count ?? 0) + handles.length, notified: reported.ok }));
  }

  return (
    <div className="mt-6 space-y-4">
      <div className="space-y-1.5">
        <label htmlFor={SENDER_NAME_ID} className={label}>
          {t.rich('name', { owner: ownerName, hint: (chunks) => <span className="font-normal text-zinc-500">{chunks}</span> })}
        </label>
        <input id={SENDER_NAME_ID} maxLength={200} autoComplete="name" className={field} />
      </div>
      <UploadPanel
        api={api}
        scope={`request:${requestId}`}
        {...limits}
        accept={allowedTypes.length > 0 ? allowedTypes.join(',') : undefined}
        refuse={(file) => (isAllowedType(allowedTypes, file.name, file.type || 'application/octet-stream') ? null : t('refusedType', { types }))}
        onBatchDone={(handles) => void batchDone(handles)}
        fullNote={isFull ? t('full') : undefined}
      />
      {sent && (
        <div role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-900" data-testid="request-done">
          <p className="font-medium">
            {t('arrived', { count: sent.count })} {sent.notified ? t('told', { owner: ownerName }) : ''}
          </p>
          <p className="mt-1">{t('closeOrAdd')}</p>
        </div>
      )}
      <p className="text-xs text-zinc-500">{t('straight', { owner: ownerName, size: formatBytes(limits.maxSize, locale) })}</p>
    </div>
  );
}
