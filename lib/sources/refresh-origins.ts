import 'server-only';
import { db } from '@/lib/db';
import { originOf, targetOf } from '@/lib/storage/store';
import { connectionConfig, CONNECTION_FIELDS } from '@/lib/sources/store';
import { setSourceOrigins } from '@/lib/sources/origins';

/** Reads every source's bucket origin into the list the Content-Security-Policy uses. */
export async function refreshSourceOrigins(): Promise<void> {
  const sources = await db().storageSource.findMany({ select: CONNECTION_FIELDS });
  setSourceOrigins(sources.map((source) => originOf(targetOf(connectionConfig(source)))));
}
