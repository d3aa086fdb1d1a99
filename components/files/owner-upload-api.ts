import {
  cancelUpload,
  completeMultipartUpload,
  confirmThumbnail,
  confirmUpload,
  listUploadedParts,
  prepareThumbnail,
  prepareUpload,
  signUploadParts,
  startMultipartUpload,
} from '@/app/(app)/files/actions';
import type { UploadApi } from '@/components/files/upload-api';
import { postToBucket } from '@/components/files/post-to-bucket';
import type { Thumbnail } from '@/components/files/make-thumbnail';

/** The signed-in owner's uploads into one of their folders; the handle is the file id. */
export function ownerUploadApi(folderId: string | null): UploadApi {
  return {
    async start(file, multipart) {
      const started = multipart ? await startMultipartUpload({ ...file, folderId }) : await prepareUpload({ ...file, folderId });
      if (!started.ok) return started;
      return { ok: true, data: { handle: started.data.fileId, post: 'post' in started.data ? started.data.post : null } };
    },
    confirm: (fileId) => confirmUpload({ fileId }),
    cancel: (fileId) => cancelUpload({ fileId }),
    listParts: (fileId) => listUploadedParts({ fileId }),
    signParts: (fileId, partNumbers) => signUploadParts({ fileId, partNumbers }),
    complete: (fileId) => completeMultipartUpload({ fileId }),
    attachThumbnail,
  };
}

/** The thumbnail goes to the bucket as the file did, by a presigned POST, then is confirmed. */
async function attachThumbnail(fileId: string, { blob, type }: Thumbnail): Promise<boolean> {
  try {
    const prepared = await prepareThumbnail({ fileId, contentType: type });
    if (!prepared.ok) return false;
    await postToBucket(prepared.data, new File([blob], 'thumbnail', { type }), () => undefined, new AbortController().signal);
    return (await confirmThumbnail({ fileId, contentType: type })).ok;
  } catch {
    return false;
  }
}
