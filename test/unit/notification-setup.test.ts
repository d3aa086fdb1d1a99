// The commands the admin page and the README give for a bucket's notifications: pasted into a
// shell as they are, they must make radosgw and MinIO push "object created" for the source's
// fixed prefix to its hook, with the secret URL quoted (its "?" and "=" are shell-special).
import { describe, expect, test } from 'vitest';
import { notificationCommands, notificationPrefix, shellWord } from '@/lib/sources/notification-setup';

const target = {
  sourceId: 'src123',
  hookUrl: 'https://handoff.example/api/sources/src123/events?token=s3cr3t',
  endpoint: 'http://rgw.internal:7480',
  region: 'us-east-1',
  bucket: 'acme-reports',
  prefix: 'clients/{email}/',
};

describe('notification commands', () => {
  test('radosgw: a persistent topic pushing to the hook, then a rule for new objects under the fixed prefix', () => {
    const [topic, rule] = notificationCommands(target).radosgw;
    expect(topic).toBe(
      "aws --endpoint-url http://rgw.internal:7480 --region us-east-1 sns create-topic --name handoff-src123 --attributes 'push-endpoint=https://handoff.example/api/sources/src123/events?token=s3cr3t,persistent=true'",
    );
    expect(rule).toMatch(
      /^aws --endpoint-url http:\/\/rgw\.internal:7480 --region us-east-1 s3api put-bucket-notification-configuration --bucket acme-reports --notification-configuration '/,
    );
    const json = JSON.parse(rule!.slice(rule!.indexOf("'") + 1, -1));
    expect(json).toEqual({
      TopicConfigurations: [
        {
          Id: 'handoff-src123',
          TopicArn: 'arn:aws:sns:default::handoff-src123',
          Events: ['s3:ObjectCreated:*'],
          Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'clients/' }] } },
        },
      ],
    });
  });

  test('MinIO: a webhook target to the hook, a restart, then an event rule on puts under the prefix', () => {
    expect(notificationCommands(target).minio).toEqual([
      "mc admin config set ALIAS notify_webhook:handoff-src123 endpoint='https://handoff.example/api/sources/src123/events?token=s3cr3t'",
      'mc admin service restart ALIAS',
      'mc event add ALIAS/acme-reports arn:minio:sqs::handoff-src123:webhook --event put --prefix clients/',
    ]);
  });

  test('a source on the whole bucket (or starting with a placeholder) gets no prefix filter', () => {
    const whole = notificationCommands({ ...target, prefix: '{userId}/' });
    expect(whole.radosgw[1]).not.toContain('FilterRules');
    expect(whole.minio[2]).not.toContain('--prefix');
    expect(notificationPrefix('')).toBe('');
    expect(notificationPrefix('team/shared/')).toBe('team/shared/');
  });

  test('words a shell would split or expand are quoted, quotes inside included', () => {
    expect(shellWord('plain-word/ok')).toBe('plain-word/ok');
    expect(shellWord('a b')).toBe("'a b'");
    expect(shellWord("it's")).toBe("'it'\\''s'");
    expect(shellWord('x?y=1&z')).toBe("'x?y=1&z'");
  });
});
