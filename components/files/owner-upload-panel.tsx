'use client';

import { useMemo } from 'react';
import { UploadPanel } from '@/components/files/upload-panel';
import { ownerUploadApi } from '@/components/files/owner-upload-api';

type Props = { folderId: string | null; maxSize: number; multipartThreshold: number; concurrency: number };

/** The files page's uploads: into the folder on screen, as the signed-in owner. */
export function OwnerUploadPanel({ folderId, ...limits }: Props) {
  const api = useMemo(() => ownerUploadApi(folderId), [folderId]);
  return <UploadPanel api={api} scope={`folder:${folderId ?? ''}`} {...limits} />;
}
