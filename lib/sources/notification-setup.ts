// The commands an admin pastes to make a source's bucket push "object created" notifications
// to the app (README "Notifications" and the admin page show the same ones). Pure: no secrets
// are read here; the hook URL (which holds the source's secret) is passed in.

export type NotificationTarget = {
  sourceId: string;
  /** lib/sources/hook.ts hookUrl(sourceId). */
  hookUrl: string;
  /** The store's S3 endpoint (the source's own, or the app's). */
  endpoint: string;
  region: string;
  bucket: string;
  /** The source's prefix as the admin wrote it (placeholders included). */
  prefix: string;
};

export type NotificationCommands = { radosgw: string[]; minio: string[] };

/** One name for the topic (radosgw), the webhook target (MinIO) and the rule's Id. */
export const notificationName = (sourceId: string) => `handoff-${sourceId}`;

/**
 * Notifications can filter on a fixed prefix only: the part before the first placeholder
 * ("clients/{email}/" → "clients/"). The hook checks each key against the mounts anyway.
 */
export function notificationPrefix(prefix: string): string {
  return prefix.split(/\{email\}|\{userId\}/)[0]!;
}

/** A word for a POSIX shell, quoted unless it is plainly safe. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function notificationCommands(target: NotificationTarget): NotificationCommands {
  const name = notificationName(target.sourceId);
  const prefix = notificationPrefix(target.prefix);
  const aws = `aws --endpoint-url ${shellWord(target.endpoint)} --region ${shellWord(target.region)}`;
  // radosgw: a persistent topic (delivered after the upload answers, retried) whose push-endpoint
  // is the hook, then the bucket's rule; its ARN names the zonegroup, "default" unless renamed.
  const rule = {
    TopicConfigurations: [
      {
        Id: name,
        TopicArn: `arn:aws:sns:default::${name}`,
        Events: ['s3:ObjectCreated:*'],
        ...(prefix && { Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: prefix }] } } }),
      },
    ],
  };
  const radosgw = [
    `${aws} sns create-topic --name ${name} --attributes ${shellWord(`push-endpoint=${target.hookUrl},persistent=true`)}`,
    `${aws} s3api put-bucket-notification-configuration --bucket ${shellWord(target.bucket)} --notification-configuration ${shellWord(JSON.stringify(rule))}`,
  ];
  // MinIO: a webhook target (ALIAS is the deployment's `mc alias`), a restart to load it, then the event rule.
  const minio = [
    `mc admin config set ALIAS notify_webhook:${name} endpoint=${shellWord(target.hookUrl)}`,
    'mc admin service restart ALIAS',
    `mc event add ALIAS/${shellWord(target.bucket)} arn:minio:sqs::${name}:webhook --event put${prefix ? ` --prefix ${shellWord(prefix)}` : ''}`,
  ];
  return { radosgw, minio };
}
