// Seeds one user and one database session into $DATABASE_URL; prints {"userId","sessionToken"} as JSON.
import { connect, seedSession, seedUser } from '../../../prisma/seed';

async function main() {
  const db = connect(process.env.DATABASE_URL);
  const user = await seedUser(db, { email: 'bench-upload@handoff.test', name: 'Upload bench' });
  const sessionToken = await seedSession(db, user.id);
  await db.$disconnect();
  console.log(JSON.stringify({ userId: user.id, sessionToken }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
