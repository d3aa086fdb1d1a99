// Second factors on the real database: WebAuthn challenges are used once and expire, code guesses
// are limited per account (across instances: the counters live in the database), TOTP codes and
// recovery codes work once.
import { afterAll, describe, expect, test } from 'vitest';
import { generate } from 'otplib';
import { connect, seedUser } from '@/prisma/seed';
import { CHALLENGE_TTL_MS, consumeChallenge, forgetExpiredChallenges, issueChallenge } from '@/lib/auth/challenges';
import { checkTotpCode, pendingTotpSetup, startTotpSetup, turnOffTotp } from '@/lib/auth/totp';
import { generateRecoveryCodes, redeemRecoveryCode } from '@/lib/auth/recovery-codes';
import { UserError } from '@/lib/actions/user-error';

const db = connect();
afterAll(() => db.$disconnect());

const client = () => `client-${Math.random()}`;

describe('WebAuthn challenges', () => {
  test('a challenge is given out once: a second use, even at the same moment, gets nothing', async () => {
    const user = await seedUser(db);
    const binding = await issueChallenge('challenge-1', 'register', user.id, client());
    const [first, second] = await Promise.all([consumeChallenge(binding, 'register', user.id), consumeChallenge(binding, 'register', user.id)]);
    expect([first, second].sort()).toEqual(['challenge-1', null].sort());
    expect(await consumeChallenge(binding, 'register', user.id)).toBeNull();
  });

  test('an expired challenge, or one made for another purpose or person, is refused and used up', async () => {
    const [ana, bob] = [await seedUser(db), await seedUser(db)];
    const issuedAt = new Date();
    const late = await issueChallenge('late', 'second-factor', ana.id, client(), issuedAt);
    expect(await consumeChallenge(late, 'second-factor', ana.id, new Date(issuedAt.getTime() + CHALLENGE_TTL_MS + 1))).toBeNull();

    const forAna = await issueChallenge('for-ana', 'second-factor', ana.id, client());
    expect(await consumeChallenge(forAna, 'second-factor', bob.id)).toBeNull();
    expect(await consumeChallenge(forAna, 'second-factor', ana.id)).toBeNull();

    const forRegistering = await issueChallenge('register', 'register', ana.id, client());
    expect(await consumeChallenge(forRegistering, 'sign-in', null)).toBeNull();
    expect(await consumeChallenge('made-up', 'sign-in', null)).toBeNull();
    expect(await consumeChallenge(null, 'sign-in', null)).toBeNull();
  });

  test('one client cannot fill the table with challenges; expired ones are swept', async () => {
    const someone = client();
    for (let i = 0; i < 60; i++) await issueChallenge(`c${i}`, 'sign-in', null, someone);
    await expect(issueChallenge('one-more', 'sign-in', null, someone)).rejects.toThrow(/Too many passkey prompts/);
    const later = new Date(Date.now() + CHALLENGE_TTL_MS + 1000);
    expect(await forgetExpiredChallenges(later)).toBeGreaterThanOrEqual(60);
    expect(await db.webAuthnChallenge.count({ where: { expiresAt: { lt: later } } })).toBe(0);
  });
});

async function userWithApp() {
  const user = await seedUser(db);
  await startTotpSetup(user.id);
  const setup = await pendingTotpSetup({ id: user.id, email: user.email, name: null });
  await db.totpSecret.update({ where: { userId: user.id }, data: { confirmedAt: new Date() } });
  return { user, secret: setup!.secret };
}

const codeAt = (secret: string, date: Date) => generate({ secret, epoch: Math.floor(date.getTime() / 1000) });

describe('authenticator app codes', () => {
  test('the secret is stored sealed, and a code works once', async () => {
    const { user, secret } = await userWithApp();
    expect((await db.totpSecret.findUniqueOrThrow({ where: { userId: user.id } })).sealedSecret).not.toContain(secret);
    const now = new Date();
    const code = await codeAt(secret, now);
    const [first, second] = await Promise.all([checkTotpCode(user.id, code, now), checkTotpCode(user.id, code, now)]);
    expect([first, second].sort()).toEqual(['ok', 'used']);
    // The next step's code still works.
    const next = new Date(now.getTime() + 30_000);
    expect(await checkTotpCode(user.id, await codeAt(secret, next), next)).toBe('ok');
  });

  test('after five wrong codes in 15 minutes the account takes no more guesses, right or wrong, then opens again', async () => {
    const { user, secret } = await userWithApp();
    const now = new Date();
    const wrong = String((Number(await codeAt(secret, now)) + 500_000) % 1_000_000).padStart(6, '0');
    // Guesses at the same moment cannot slip past the count.
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => checkTotpCode(user.id, wrong, now)));
    expect(outcomes.filter((o) => o.status === 'fulfilled' && o.value === 'wrong')).toHaveLength(5);
    const refusals = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason as Error);
    expect(refusals).toHaveLength(3);
    expect(refusals[0]).toBeInstanceOf(UserError);
    expect(refusals[0]!.message).toMatch(/^Too many wrong codes for this account\. Wait 15 minutes and try again/);
    // Even the right code is refused now, and recovery codes share the count.
    await expect(checkTotpCode(user.id, await codeAt(secret, now), now)).rejects.toThrow(/Too many wrong codes/);
    await expect(redeemRecoveryCode(user.id, 'abcdabcdabcd', now)).rejects.toThrow(/Too many wrong codes/);
    // Another account is not affected; 15 minutes later this one takes guesses again.
    const other = await userWithApp();
    expect(await checkTotpCode(other.user.id, await codeAt(other.secret, now), now)).toBe('ok');
    const later = new Date(now.getTime() + 15 * 60_000 + 1000);
    expect(await checkTotpCode(user.id, await codeAt(secret, later), later)).toBe('ok');
  });

  test('right codes are not held against anyone', async () => {
    const { user, secret } = await userWithApp();
    const start = Date.now();
    for (let step = 0; step < 8; step++) {
      const at = new Date(start + step * 30_000);
      expect(await checkTotpCode(user.id, await codeAt(secret, at), at)).toBe('ok');
    }
  });
});

describe('recovery codes', () => {
  test('ten codes, stored only as digests, each good once; they go when the last second factor goes', async () => {
    const { user } = await userWithApp();
    const codes = await generateRecoveryCodes(user.id);
    expect(new Set(codes).size).toBe(10);
    const stored = JSON.stringify(await db.recoveryCode.findMany({ where: { userId: user.id } }));
    for (const code of codes) expect(stored).not.toContain(code.replace(/-/g, ''));
    const typed = codes[0]!.replace(/-/g, '');
    const [first, second] = await Promise.all([redeemRecoveryCode(user.id, typed), redeemRecoveryCode(user.id, typed)]);
    expect([first, second].sort()).toEqual([false, true]);

    // Making new ones replaces the old.
    const fresh = await generateRecoveryCodes(user.id);
    expect(await redeemRecoveryCode(user.id, codes[1]!.replace(/-/g, ''))).toBe(false);
    await turnOffTotp(user.id);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await redeemRecoveryCode(user.id, fresh[0]!.replace(/-/g, ''))).toBe(false);
    await expect(generateRecoveryCodes(user.id)).rejects.toThrow(/Set up a passkey or an authenticator app first/);
  });
});
