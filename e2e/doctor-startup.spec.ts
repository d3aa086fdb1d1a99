// At start every instance runs the doctor's cheap checks (no writes, no mail sign-in) and logs one
// line: all passed, or which failed and what to run. No secret in it.
import { test, expect } from './fixtures';
import { instancePort, startInstance, type Instance } from './fixtures/instance';

async function doctorLine(instance: Instance): Promise<string> {
  await expect.poll(() => /^\[doctor\] .*$/m.exec(instance.output())?.[0], { timeout: 30_000 }).toBeTruthy();
  return /^\[doctor\] .*$/m.exec(instance.output())![0];
}

test('a healthy instance logs that the start-up checks passed; one with a wrong secret key names what failed', async ({}, testInfo) => {
  test.setTimeout(150_000);
  // APP_URL as the suite's own server has it: an origin the bucket's CORS rule names.
  const healthy = await startInstance(instancePort(testInfo.parallelIndex), { APP_URL: `http://localhost:${process.env.E2E_PORT ?? 3100}`, BACKGROUND_JOBS: 'false' });
  try {
    expect(await doctorLine(healthy)).toBe('[doctor] 5/5 checks passed');
  } finally {
    await healthy.stop();
  }

  const wrongKey = await startInstance(instancePort(testInfo.parallelIndex), { S3_SECRET_ACCESS_KEY: 'wrong-secret-at-start', BACKGROUND_JOBS: 'false' });
  try {
    const line = await doctorLine(wrongKey);
    expect(line).toBe('[doctor] 3/5 checks passed; failed: Bucket and credentials, Bucket CORS. Run npm run doctor for the fixes.');
    expect(wrongKey.output()).not.toContain('wrong-secret-at-start');
  } finally {
    await wrongKey.stop();
  }
});
