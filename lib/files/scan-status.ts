import 'server-only';
import { UserError } from '@/lib/actions/user-error';
import { isQuarantined } from '@/lib/storage/s3';

// Which files may leave their owner's hands, decided in one place. Files uploaded while scanning
// was off (scanStatus null) may; with scanning on, only those clamd called clean.

/** For Prisma queries: files that may be shared, listed to recipients and linked. */
export const CLEARED = { OR: [{ scanStatus: null }, { scanStatus: 'clean' }] };

export function isCleared(scanStatus: string | null): boolean {
  return scanStatus === null || scanStatus === 'clean';
}

/** Why a file may not be shared or linked (yet), as an error for its owner; null when it may. */
export function unclearedReason(file: { name: string; scanStatus: string | null }): UserError | null {
  if (isCleared(file.scanStatus)) return null;
  if (file.scanStatus === 'infected') return new UserError('files.errors.shareInfected', { name: file.name });
  if (file.scanStatus === 'failed') return new UserError('files.errors.shareScanFailed', { name: file.name });
  return new UserError('files.errors.shareScanning', { name: file.name });
}

/** What the owner's file list says about a file's scan (components/files/file-table.tsx words it). */
export type ScanState = 'scanning' | 'quarantined' | 'deleted' | 'failed';

/** The scan state worth showing in the owner's list; null when there is nothing to say. */
export function scanState(file: { scanStatus: string | null; storageKey: string }): ScanState | null {
  if (file.scanStatus === 'pending' || file.scanStatus === 'scanning') return 'scanning';
  if (file.scanStatus === 'infected') return isQuarantined(file.storageKey) ? 'quarantined' : 'deleted';
  if (file.scanStatus === 'failed') return 'failed';
  return null;
}
