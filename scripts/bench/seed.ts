// Seeds one user, one ready file and one share into $DATABASE_URL; prints {"token","shareId","fileId"} as JSON.
import { connect, seedFile, seedShare, seedUser } from '../../prisma/seed';
import { createToken, hashToken } from '../../lib/shares/token';

async function main() {
  const db = connect(process.env.DATABASE_URL);
  const user = await seedUser(db, { email: 'bench@handoff.test', name: 'Bench' });
  const file = await seedFile(db, user.id, { name: 'Quarterly report – final (v2).pdf', size: 1_048_576 });
  const token = createToken();
  const share = await seedShare(db, user.id, file.id, { tokenHash: hashToken(token) });
  await db.$disconnect();
  console.log(JSON.stringify({ token, shareId: share.id, fileId: file.id }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
