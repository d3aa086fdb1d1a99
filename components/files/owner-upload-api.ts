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
import { sendThumbnail } from '@/components/files/send-thumbnail';

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
    attachThumbnail: (fileId, thumbnail) =>
      sendThumbnail({ prepare: (contentType) => prepareThumbnail({ fileId, contentType }), confirm: (contentType) => confirmThumbnail({ fileId, contentType }) }, thumbnail),
  };
}
