'use client';

import { useLocale, useTranslations } from 'next-intl';
import { setUserDisabled } from '@/app/(app)/admin/users/actions';
import type { UserRow } from '@/lib/admin/users';
import { formatBytes } from '@/lib/bytes';
import { ActionButton } from '@/components/ui/action-button';
import { LocalTime } from '@/components/ui/local-time';

const BADGE = 'rounded-full px-2 py-0.5 text-xs font-medium';

/** Everyone with an account, each with their usage, last sign-in and a Disable or Enable button. */
export function UserList({ users }: { users: UserRow[] }) {
  return (
    <ul className="divide-y divide-zinc-200" data-testid="user-list">
      {users.map((user) => (
        <UserItem key={user.id} user={user} />
      ))}
    </ul>
  );
}

function UserItem({ user }: { user: UserRow }) {
  const t = useTranslations('admin.users');
  const locale = useLocale();
  const isDisabled = user.disabledAt !== null;
  return (
    <li className="space-y-2 py-3 first:pt-0 last:pb-0" aria-label={t('rowLabel', { email: user.email })} data-testid="user-row">
      <div className="flex flex-wrap items-center gap-2">
        <p className="min-w-0 flex-1 break-words">
          <span className="font-medium">{user.email}</span>
          {user.name && <span className="text-zinc-600"> ({user.name})</span>}
        </p>
        {user.isYou && <span className={`${BADGE} bg-zinc-100 text-zinc-700`}>{t('you')}</span>}
        {user.isAdmin && <span className={`${BADGE} bg-blue-50 text-blue-800`}>{t('admin')}</span>}
        <span className={`${BADGE} ${isDisabled ? 'bg-red-50 text-red-800' : 'bg-green-50 text-green-800'}`} data-testid="user-status">
          {isDisabled ? t('disabled') : t('active')}
        </span>
        {!user.isYou &&
          (isDisabled ? (
            <ActionButton isInline style="secondary" label={t('enable')} pending={t('enabling')} action={() => setUserDisabled({ userId: user.id, isDisabled: false })} />
          ) : (
            <ActionButton
              isInline
              style="danger"
              label={t('disable')}
              pending={t('disabling')}
              confirm={t('confirmDisable', { email: user.email })}
              action={() => setUserDisabled({ userId: user.id, isDisabled: true })}
            />
          ))}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
        <dt className="text-zinc-600">{t('lastSignIn')}</dt>
        <dd data-testid="user-last-sign-in">{user.lastSignInAt ? <LocalTime iso={user.lastSignInAt} /> : t('neverSignedIn')}</dd>
        <dt className="text-zinc-600">{t('joined')}</dt>
        <dd>
          <LocalTime iso={user.createdAt} withTime={false} />
        </dd>
        <dt className="text-zinc-600">{t('files')}</dt>
        <dd data-testid="user-files">{user.files.toLocaleString(locale)}</dd>
        <dt className="text-zinc-600">{t('stored')}</dt>
        <dd>{formatBytes(user.usedBytes, locale)}</dd>
        <dt className="text-zinc-600">{t('shares')}</dt>
        <dd data-testid="user-shares">{user.shares.toLocaleString(locale)}</dd>
        <dt className="text-zinc-600">{t('tokens')}</dt>
        <dd>{user.tokens.toLocaleString(locale)}</dd>
        {user.disabledAt && (
          <>
            <dt className="text-zinc-600">{t('disabledSince')}</dt>
            <dd>
              <LocalTime iso={user.disabledAt} />
            </dd>
          </>
        )}
      </dl>
    </li>
  );
}
