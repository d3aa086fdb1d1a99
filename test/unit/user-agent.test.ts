import { expect, test } from 'vitest';
import { summarizeUserAgent } from '@/lib/shares/user-agent';

test.each([
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome', 'Windows'],
  ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'Safari', 'iPhone'],
  ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox', 'Linux'],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Microsoft Edge', 'macOS'],
])('names the browser and system of %s', (raw, browser, system) => {
  expect(summarizeUserAgent(raw)).toEqual({ browser, system });
});

test.each(['curl/8.5.0', '', '   ', 'node'])('knows nothing of %j (the page says "Unknown browser")', (raw) => {
  expect(summarizeUserAgent(raw)).toEqual({ browser: null, system: null });
});
