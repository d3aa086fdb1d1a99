'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { tokenAction } from '@/lib/actions/authed-action';
import { listShareFiles } from '@/lib/shares/access';

// The share page's "Show more" and search: the token is the credential, and a locked link (no
// unlock cookie) lists nothing, exactly as the page itself.

const Input = z.object({ token: z.string().min(1).max(200), search: z.string().max(200), after: z.string().max(2000).nullable() });

export const listSharedFiles = tokenAction(Input, async ({ token, search, after }) => listShareFiles(token, { cookies: await cookies() }, { search, after }));
