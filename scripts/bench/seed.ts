// Seeds the same user, ready file and share (same ids, same token) into each database named on
// the command line, so every case of the bench sends the very same request. Prints
// {"token","shareId","fileId"} as JSON. Usage: tsx seed.ts DATABASE_URL...
import { randomUUID } from 'node:crypto';
import { connect } from '../../prisma/seed';
import { createToken, hashToken } from '../../lib/shares/token';

const newId = () => randomUUID().replace(/-/g, '').slice(0, 20);

async function main(urls: string[]) {
  if (urls.length === 0) throw new Error('usage: seed.ts DATABASE_URL...');
  const token = createToken();
  const [userId, fileId, shareId] = [newId(), newId(), newId()];
  for (const url of urls) {
    const db = connect(url);
    await db.user.create({ data: { id: userId, email: 'bench@handoff.test', name: 'Bench', emailVerified: new Date() } });
    await db.file.create({
      data: {
        id: fileId,
        ownerId: userId,
        name: 'Quarterly report – final (v2).pdf',
        size: 1_048_576,
        contentType: 'application/pdf',
        storageKey: `users/${userId}/${fileId}`,
        status: 'ready',
      },
    });
    await db.share.create({
      data: {
        id: shareId,
        ownerId: userId,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + 7 * 86400_000),
        items: { create: [{ fileId }] },
      },
    });
    await db.$disconnect();
  }
  console.log(JSON.stringify({ token, shareId, fileId }));
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(1);
});
