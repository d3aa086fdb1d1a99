// A share as plainly as one is made, for tests that care about one or two of its terms.
import type { CreateShareInput } from '@/lib/shares/create';

/** Nothing in it yet, open for a day from now, to nobody by email, no password, no limits: then the test's own terms. */
export function shareInput(terms: Partial<CreateShareInput> = {}): CreateShareInput {
  return {
    fileIds: [],
    folderIds: [],
    expiresAt: new Date(Date.now() + 86400_000),
    availableFrom: null,
    recipients: [],
    message: null,
    password: null,
    maxDownloads: null,
    notifyOnFirstDownload: false,
    submissionId: null,
    ...terms,
  };
}
