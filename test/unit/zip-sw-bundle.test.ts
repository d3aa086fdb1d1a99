import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleZipSw, ZIP_SW_BUNDLE } from '@/scripts/build-zip-sw.mjs';

// The browser loads the committed bundle, not the worker's TypeScript: a change to the worker, to
// the zip code it shares with the page, or to client-zip must come with `npm run build:sw`.

describe('the "Download all" service worker', () => {
  it('is served as the current bundle of its sources', async () => {
    expect(readFileSync(ZIP_SW_BUNDLE, 'utf8'), 'public/zip-sw.js is stale: run npm run build:sw').toBe(await bundleZipSw());
  });
});
