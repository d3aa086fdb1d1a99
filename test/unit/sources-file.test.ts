// SOURCES_FILE: a good file gives its sources; each kind of mistake stops the server at start
// with the entry (position and key) and the field, so the person deploying knows what to fix.
import { describe, expect, test } from 'vitest';
import { parseSourcesFile } from '@/lib/sources/config-file';
import { ConfigError } from '@/lib/env';

process.env.HANDOFF_TEST_ACME_SECRET = 'secret-from-the-environment';

const good = {
  sources: [
    {
      key: 'acme',
      name: 'Acme reports',
      bucket: 'acme-reports',
      prefix: 'clients/{email}/',
      endpoint: 'https://s3.eu-west-1.amazonaws.com/',
      region: 'eu-west-1',
      accessKeyId: 'AKIAEXAMPLE',
      secretAccessKeyEnv: 'HANDOFF_TEST_ACME_SECRET',
      pollSeconds: 300,
    },
    {
      key: 'team',
      name: 'Team folder',
      bucket: 'team-share',
      prefix: 'shared/',
      user: 'Boss@Handoff.test',
      writable: true,
      forcePathStyle: true,
      accessKeyId: 'KEY',
      secretAccessKey: 'inline-secret',
    },
  ],
};

const parse = (value: unknown) => parseSourcesFile(JSON.stringify(value));
const mistake = (entry: Record<string, unknown>) => {
  try {
    parse({ sources: [good.sources[0], { key: 'bad', name: 'Bad', bucket: 'some-bucket', ...entry }] });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
};

describe('SOURCES_FILE', () => {
  test('a good file gives every source, the secret read from the variable it names', () => {
    expect(parse(good)).toEqual([
      {
        key: 'acme',
        name: 'Acme reports',
        bucket: 'acme-reports',
        prefix: 'clients/{email}/',
        endpoint: 'https://s3.eu-west-1.amazonaws.com',
        region: 'eu-west-1',
        forcePathStyle: false,
        accessKeyId: 'AKIAEXAMPLE',
        secretAccessKey: 'secret-from-the-environment',
        user: null,
        writable: false,
        pollSeconds: 300,
      },
      {
        key: 'team',
        name: 'Team folder',
        bucket: 'team-share',
        prefix: 'shared/',
        endpoint: null,
        region: null,
        forcePathStyle: true,
        accessKeyId: 'KEY',
        secretAccessKey: 'inline-secret',
        user: 'boss@handoff.test',
        writable: true,
        pollSeconds: null,
      },
    ]);
  });

  test('not JSON, or not { sources: [...] }', () => {
    expect(() => parseSourcesFile('{ sources: ')).toThrow(/SOURCES_FILE is not valid JSON/);
    expect(() => parse({ source: [] })).toThrow(ConfigError);
  });

  test('each bad field names its entry and field', () => {
    expect(mistake({ bucket: 'Not_A_Bucket' })).toMatch(/sources\[1\] \("bad"\)\.bucket: Enter a valid bucket name/);
    expect(mistake({ prefix: 'clients' })).toMatch(/sources\[1\] \("bad"\)\.prefix: A prefix is empty, or ends in “\/”/);
    expect(mistake({ prefix: 'clients/../x/' })).toMatch(/sources\[1\] \("bad"\)\.prefix: .*“\.” and “\.\.” are not allowed/);
    expect(mistake({ endpoint: 'rgw.internal:7480' })).toMatch(/\("bad"\)\.endpoint: Enter the endpoint as a URL/);
    expect(mistake({ user: 'not an email' })).toMatch(/\("bad"\)\.user: must be an email address/);
    expect(mistake({ pollSeconds: 1 })).toMatch(/\("bad"\)\.pollSeconds: must be 10 to 86400 seconds/);
    expect(mistake({ writable: 'yes' })).toMatch(/\("bad"\)\.writable/);
    expect(mistake({ name: '' })).toMatch(/\("bad"\)\.name: must not be empty/);
    expect(mistake({ colour: 'blue' })).toMatch(/sources\[1\] \("bad"\): .*colour/);
  });

  test('credentials come whole, from one place, and a named variable must be set', () => {
    expect(mistake({ accessKeyId: 'KEY' })).toMatch(/\("bad"\)\.accessKeyId: set accessKeyId with secretAccessKey/);
    expect(mistake({ accessKeyId: 'KEY', secretAccessKey: 'x', secretAccessKeyEnv: 'HANDOFF_TEST_ACME_SECRET' })).toMatch(
      /secretAccessKeyEnv: give secretAccessKey or secretAccessKeyEnv, not both/,
    );
    expect(mistake({ accessKeyId: 'KEY', secretAccessKeyEnv: 'HANDOFF_TEST_UNSET' })).toMatch(/\("bad"\)\.secretAccessKeyEnv: names HANDOFF_TEST_UNSET, which is not set/);
  });

  test('two entries with one key, and an entry reaching the app’s own objects, are refused', () => {
    expect(mistake({ key: 'acme' })).toMatch(/sources\[1\] \("acme"\)\.key: "acme" is used by another entry/);
    const appBucket = process.env.S3_BUCKET!;
    expect(mistake({ bucket: appBucket, prefix: '' })).toMatch(/\("bad"\)\.prefix: That prefix reaches this app’s own files/);
    expect(mistake({ bucket: appBucket, prefix: 'users/{userId}/' })).toMatch(/reaches this app’s own files/);
    // Another prefix of the app's bucket is fine (a folder the app never writes).
    expect(() => parse({ sources: [{ key: 'ok', name: 'Ok', bucket: appBucket, prefix: 'exports/' }] })).not.toThrow();
  });
});
