// An upload request as plainly as one is made, for tests that care about one or two of its terms.
import type { CreateRequestInput } from '@/lib/requests/manage';

/** "Send files", open for a day from now, no password, no limits, into a new folder: then the test's own terms. */
export function requestInput(terms: Partial<CreateRequestInput> = {}): CreateRequestInput {
  return {
    title: 'Send files',
    message: null,
    expiresAt: new Date(Date.now() + 86400_000),
    password: null,
    maxFiles: null,
    maxFileSize: null,
    allowedTypes: [],
    folderId: null,
    ...terms,
  };
}
