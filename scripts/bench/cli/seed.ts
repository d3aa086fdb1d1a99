// Seeds one user and a personal access token for it into $DATABASE_URL (as Settings → API tokens
// makes one: only its hash is stored); prints {"userId","token"} as JSON for bench.mjs.
import { createHash, randomBytes } from 'node:crypto';
import { connect, seedUser } from '../../../prisma/seed';

async function main() {
  const db = connect(process.env.DATABASE_URL);
  const user = await seedUser(db, { email: 'bench-cli@handoff.test', name: 'CLI bench' });
  const token = `hnd_${randomBytes(32).toString('base64url')}`;
  const tokenHash = createHash('sha256').update(token).digest('hex');
  await db.apiToken.create({ data: { userId: user.id, name: 'bench', tokenHash, scopes: 'files:read files:write', expiresAt: new Date(Date.now() + 86400_000) } });
  await db.$disconnect();
  console.log(JSON.stringify({ userId: user.id, token }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
