export type ShareStatus = 'active' | 'expired' | 'revoked';

export function shareStatus(share: { revokedAt: Date | null; expiresAt: Date }, now: Date): ShareStatus {
  if (share.revokedAt) return 'revoked';
  if (share.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

export const EXPIRY_PRESETS = { '1h': 3600, '1d': 86400, '7d': 7 * 86400, '30d': 30 * 86400 } as const;
export type ExpiryPreset = keyof typeof EXPIRY_PRESETS;
export const MAX_SHARE_DAYS = 365;
