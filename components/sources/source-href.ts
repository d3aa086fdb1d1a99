/** The page of one folder of a source ('' is its top), and a later page of it (`after`: the store's token). */
export function sourceHref(sourceId: string, path: string, after?: string): { pathname: string; query: Record<string, string> } {
  const query: Record<string, string> = {};
  if (path) query.path = path;
  if (after) query.after = after;
  return { pathname: `/files/sources/${encodeURIComponent(sourceId)}`, query };
}
