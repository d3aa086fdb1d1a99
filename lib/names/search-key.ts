// Relative imports only: Playwright loads this through prisma/seed.ts.
import { foldName } from './sort-key';

/**
 * A name as search compares it (File.searchName, Folder.searchName): folded as names sort
 * (compatibility forms, accents, case: "Résumé", "RESUME" and "resume" find each other). The
 * words searched for are folded the same way. Never '' for a name that is not (a name of marks
 * alone folds to nothing): '' is how a row not yet filled in shows (lib/names/fill-sort-names.ts).
 */
export function nameSearchKey(name: string): string {
  return foldName(name) || name;
}
