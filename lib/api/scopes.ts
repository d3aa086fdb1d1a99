/** What a personal access token may do; a token is given some of these when it is made. */
export const SCOPES = ['files:read', 'files:write', 'shares:read', 'shares:write', 'requests:write'] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
