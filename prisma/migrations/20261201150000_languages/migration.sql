-- AlterTable
ALTER TABLE "User" ADD COLUMN "locale" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Share" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "title" TEXT,
    "message" TEXT,
    "availableFrom" DATETIME,
    "expiresAt" DATETIME NOT NULL,
    "maxDownloads" INTEGER,
    "downloadCount" INTEGER NOT NULL DEFAULT 0,
    "passwordHash" TEXT,
    "passwordVersion" INTEGER NOT NULL DEFAULT 0,
    "notifyOnFirstDownload" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "revokedAt" DATETIME,
    "submissionId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Share_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Share" ("availableFrom", "createdAt", "downloadCount", "expiresAt", "id", "maxDownloads", "message", "notifyOnFirstDownload", "ownerId", "passwordHash", "passwordVersion", "revokedAt", "submissionId", "title", "tokenHash") SELECT "availableFrom", "createdAt", "downloadCount", "expiresAt", "id", "maxDownloads", "message", "notifyOnFirstDownload", "ownerId", "passwordHash", "passwordVersion", "revokedAt", "submissionId", "title", "tokenHash" FROM "Share";
DROP TABLE "Share";
ALTER TABLE "new_Share" RENAME TO "Share";
CREATE UNIQUE INDEX "Share_tokenHash_key" ON "Share"("tokenHash");
CREATE INDEX "Share_ownerId_createdAt_idx" ON "Share"("ownerId", "createdAt");
CREATE UNIQUE INDEX "Share_ownerId_submissionId_key" ON "Share"("ownerId", "submissionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

