// The storage sources' bucket origins, for the Content-Security-Policy (previews, "download all"
// and uploads reach a source's bucket from the browser). The policy is written for every page
// by the proxy, which must not wait on (or import) the database: the server keeps this list
// (lib/sources/refresh-origins.ts, at start, every minute and after an admin's change) in a
// process-wide slot that the proxy reads.
const globalForOrigins = globalThis as unknown as { handoffSourceOrigins?: string[] };

export function sourceOrigins(): string[] {
  return globalForOrigins.handoffSourceOrigins ?? [];
}

export function setSourceOrigins(origins: string[]) {
  globalForOrigins.handoffSourceOrigins = [...new Set(origins)];
}
