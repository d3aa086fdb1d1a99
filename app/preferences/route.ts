import { z } from 'zod';
import { getTranslations } from 'next-intl/server';
import { currentSignIn } from '@/lib/auth';
import { savePreferences } from '@/lib/preferences';
import { sameSitePath } from '@/lib/http/same-site-path';
import { LOCALES } from '@/i18n/locales';
import { THEMES } from '@/components/ui/theme-options';

const input = z.object({ theme: z.enum(THEMES).optional(), locale: z.enum(LOCALES).optional(), back: z.string().max(2000).optional() });

/**
 * The footer's theme and language. Without JavaScript its form posts here and comes back to the
 * page it was on (`back`, a path on this site only); with JavaScript the selects post without
 * `back` and get 204. proxy.ts has already refused posts from other origins.
 */
export async function POST(request: Request) {
  const form = await request.formData().catch(() => new FormData());
  const parsed = input.safeParse(Object.fromEntries(form));
  if (!parsed.success) return new Response((await getTranslations('shell'))('preferences.invalid'), { status: 400 });
  const { back, ...preferences } = parsed.data;
  await savePreferences(preferences, (await currentSignIn())?.user.id ?? null);
  if (back === undefined) return new Response(null, { status: 204 });
  return new Response(null, { status: 303, headers: { Location: sameSitePath(back) ?? '/' } });
}
