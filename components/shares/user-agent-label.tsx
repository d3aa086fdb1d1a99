import { summarizeUserAgent } from '@/lib/shares/user-agent';

/** "Chrome on Windows" for a timeline entry; the full User-Agent on hover and for screen readers. */
export function UserAgentLabel({ raw }: { raw: string }) {
  const { browser, system } = summarizeUserAgent(raw);
  const label = browser ? (system ? `${browser} on ${system}` : browser) : 'Unknown browser';
  return (
    <span title={raw} className="text-xs text-zinc-500" data-testid="user-agent">
      {label}
      <span className="sr-only">, full browser identification: {raw}</span>
    </span>
  );
}
