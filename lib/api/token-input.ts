import { z } from 'zod';
import { SCOPES } from '@/lib/api/scopes';
import { TOKEN_DAYS, type NewToken } from '@/lib/api/tokens';
import { cleanName } from '@/lib/validation/names';

/** The expiry presets the form offers, in days; the form can also take a day instead. */
export const TOKEN_EXPIRY_PRESETS = [30, TOKEN_DAYS.default, TOKEN_DAYS.max] as const;

const DAY_MS = 86_400_000;

/** Whole days from today (UTC) to `day` ("2027-03-01"); NaN when it is not a date. */
function daysUntil(day: string, now: Date): number {
  const target = Date.parse(`${day}T00:00:00Z`);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((target - today) / DAY_MS);
}

const isAllowedDays = (days: number) => Number.isInteger(days) && days >= 1 && days <= TOKEN_DAYS.max;

/**
 * The "new token" form, the one place its rule is written: a name of 1 to 100 characters, at
 * least one scope, and an expiry of 1 to 365 days, given as a number of days or as a day
 * (`expiry: "date"` with `expiryDate`: tomorrow at the earliest, a year from today at the latest).
 */
export const newTokenInput = z
  .object({
    name: z.string().transform(cleanName).pipe(z.string().min(1, 'settings.tokens.errors.nameRequired').max(100, 'settings.tokens.errors.nameTooLong')),
    scopes: z.array(z.enum(SCOPES, 'settings.tokens.errors.scopesRequired')).min(1, 'settings.tokens.errors.scopesRequired'),
    expiry: z.string().default(String(TOKEN_DAYS.default)),
    expiryDate: z.string().optional(),
  })
  .transform(({ expiry, expiryDate, ...rest }, ctx): NewToken => {
    const byDate = expiry === 'date';
    const expiresInDays = byDate ? daysUntil(expiryDate ?? '', new Date()) : /^\d+$/.test(expiry) ? Number(expiry) : NaN;
    if (isAllowedDays(expiresInDays)) return { ...rest, expiresInDays };
    ctx.addIssue({ code: 'custom', path: [byDate ? 'expiryDate' : 'expiry'], message: 'settings.tokens.errors.expiryInvalid' });
    return z.NEVER;
  });
