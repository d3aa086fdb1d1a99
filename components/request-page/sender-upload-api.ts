import {
  cancelRequestUpload,
  completeRequestUpload,
  confirmRequestThumbnail,
  confirmRequestUpload,
  listRequestParts,
  prepareRequestThumbnail,
  signRequestParts,
  startRequestUpload,
} from '@/app/r/[token]/actions';
import type { UploadApi } from '@/components/files/upload-api';
import { sendThumbnail } from '@/components/files/send-thumbnail';

/** Uploads through an upload request link, by someone without an account. */
export function senderUploadApi(token: string, uploadedBy: () => string): UploadApi {
  return {
    async start(file) {
      // The server decides single POST or multipart from the size, with the same threshold.
      const started = await startRequestUpload({ token, ...file, uploadedBy: uploadedBy() });
      if (!started.ok) return started;
      return { ok: true, data: { handle: started.data.handle, post: started.data.post } };
    },
    confirm: (handle) => confirmRequestUpload({ token, handle }),
    cancel: (handle) => cancelRequestUpload({ token, handle }),
    listParts: (handle) => listRequestParts({ token, handle }),
    signParts: (handle, partNumbers) => signRequestParts({ token, handle, partNumbers }),
    complete: (handle) => completeRequestUpload({ token, handle }),
    // Senders are uploaders too: their browser draws the thumbnail the owner will see.
    attachThumbnail: (handle, thumbnail) =>
      sendThumbnail(
        {
          prepare: (contentType) => prepareRequestThumbnail({ token, handle, contentType }),
          confirm: (contentType) => confirmRequestThumbnail({ token, handle, contentType }),
        },
        thumbnail,
      ),
  };
}
