import 'server-only';
import { isQuarantined } from '@/lib/storage/s3';

// Which files may leave their owner's hands, decided in one place. Files uploaded while scanning
// was off (scanStatus null) may; with scanning on, only those clamd called clean.

/** For Prisma queries: files that may be shared, listed to recipients and linked. */
export const CLEARED = { OR: [{ scanStatus: null }, { scanStatus: 'clean' }] };

export function isCleared(scanStatus: string | null): boolean {
  return scanStatus === null || scanStatus === 'clean';
}

/** Why a file may not be shared or linked (yet), in words for its owner; null when it may. */
export function unclearedReason(file: { name: string; scanStatus: string | null }): string | null {
  if (isCleared(file.scanStatus)) return null;
  if (file.scanStatus === 'infected') return `"${file.name}" contained a virus and cannot be shared.`;
  if (file.scanStatus === 'failed') return `"${file.name}" could not be checked for viruses, so it cannot be shared.`;
  return `"${file.name}" is still being checked for viruses. Share it once the check is done (a few seconds).`;
}

export type ScanLabel = 'Scanning…' | 'Infected: quarantined' | 'Infected: deleted' | 'Could not be scanned';

/** What the owner's file list says about a file's scan; null when there is nothing to say. */
export function scanLabel(file: { scanStatus: string | null; storageKey: string }): ScanLabel | null {
  if (file.scanStatus === 'pending' || file.scanStatus === 'scanning') return 'Scanning…';
  if (file.scanStatus === 'infected') return isQuarantined(file.storageKey) ? 'Infected: quarantined' : 'Infected: deleted';
  if (file.scanStatus === 'failed') return 'Could not be scanned';
  return null;
}
