import Bowser from 'bowser';

/** What a timeline entry's user agent says, as names ("Chrome", "Windows"); null where it says nothing known. */
export type AgentSummary = { browser: string | null; system: string | null };

/**
 * Reads a stored User-Agent header with bowser (a maintained parser), so the owner sees "Chrome on
 * Windows" rather than the raw string. The wording around the names is the component's.
 */
export function summarizeUserAgent(raw: string | null): AgentSummary {
  if (!raw?.trim()) return { browser: null, system: null };
  const parsed = Bowser.parse(raw);
  // "iPhone" or "iPad" says more to a person than "iOS".
  const system = parsed.os.name === 'iOS' && parsed.platform.model ? parsed.platform.model : parsed.os.name;
  return { browser: parsed.browser.name || null, system: (parsed.browser.name && system) || null };
}
