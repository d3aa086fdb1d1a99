import { describe, expect, test } from 'vitest';
import { ConfigError, parseEnv } from '@/lib/env';

const valid = { S3_BUCKET: 'handoff', AUTH_SECRET: 'x'.repeat(32) };

describe('parseEnv', () => {
  test('fills defaults for a laptop', () => {
    const env = parseEnv(valid);
    expect(env.DATABASE_URL).toBe('file:./.data/handoff.db');
    expect(env.SMTP_URL).toBe('smtp://127.0.0.1:1025');
    expect(env.MAX_UPLOAD_SIZE).toBe(5e9);
    expect(env.UPLOAD_URL_TTL_SECONDS).toBe(600);
  });

  test.each([
    [{ S3_BUCKET: undefined }, 'S3_BUCKET'],
    [{ S3_BUCKET: 'Not_A_Bucket' }, 'S3_BUCKET'],
    [{ AUTH_SECRET: 'short' }, 'AUTH_SECRET'],
    [{ AUTH_SECRET: undefined }, 'AUTH_SECRET'],
    [{ S3_ENDPOINT: 'not a url' }, 'S3_ENDPOINT'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ MAX_UPLOAD_SIZE: 'huge' }, 'MAX_UPLOAD_SIZE'],
    [{ MAX_UPLOAD_SIZE: '6TiB' }, 'MAX_UPLOAD_SIZE'],
    [{ MULTIPART_PART_SIZE: '1MiB' }, 'MULTIPART_PART_SIZE'],
    [{ UPLOAD_URL_TTL_SECONDS: '3600' }, 'UPLOAD_URL_TTL_SECONDS'],
    [{ S3_ACCESS_KEY_ID: 'only-one' }, 'S3_SECRET_ACCESS_KEY'],
    [{ OIDC_ISSUER: 'https://id.example' }, 'OIDC_ISSUER'],
    [{ NODE_ENV: 'production' }, 'SIGNIN_ALLOWLIST'],
    [{ CLAMAV_URL: '127.0.0.1:3310' }, 'CLAMAV_URL'],
    [{ CLAMAV_URL: 'unix:///run/clamav/clamd.ctl' }, 'CLAMAV_URL'],
    [{ CLAMAV_INFECTED: 'ignore' }, 'CLAMAV_INFECTED'],
    [{ REQUIRE_SECOND_FACTOR: 'sometimes' }, 'REQUIRE_SECOND_FACTOR'],
  ])('a bad value stops start-up and names the variable: %j', (override, variable) => {
    expect(() => parseEnv({ ...valid, ...override })).toThrow(ConfigError);
    expect(() => parseEnv({ ...valid, ...override })).toThrow(new RegExp(`^  ${variable}:`, 'm'));
  });

  test('virus scanning is off unless CLAMAV_URL names a TCP address; infected files go to quarantine by default', () => {
    expect(parseEnv(valid).CLAMAV_URL).toBeUndefined();
    expect(parseEnv(valid).CLAMAV_INFECTED).toBe('quarantine');
    expect(parseEnv({ ...valid, CLAMAV_URL: 'tcp://clamav.internal:3310' }).CLAMAV_URL).toBe('tcp://clamav.internal:3310');
  });

  test('a second factor is optional unless REQUIRE_SECOND_FACTOR says otherwise', () => {
    expect(parseEnv(valid).REQUIRE_SECOND_FACTOR).toBe(false);
    expect(parseEnv({ ...valid, REQUIRE_SECOND_FACTOR: 'true' }).REQUIRE_SECOND_FACTOR).toBe(true);
  });

  test('empty lines in .env count as unset', () => {
    expect(parseEnv({ ...valid, S3_ENDPOINT: '', OIDC_ISSUER: '' }).S3_ENDPOINT).toBeUndefined();
  });
});
