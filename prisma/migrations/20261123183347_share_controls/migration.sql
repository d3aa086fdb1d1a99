-- CreateTable
CREATE TABLE "UnlockThrottle" (
    "shareId" TEXT NOT NULL,
    "clientKey" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" DATETIME NOT NULL,

    PRIMARY KEY ("shareId", "clientKey"),
    CONSTRAINT "UnlockThrottle_shareId_fkey" FOREIGN KEY ("shareId") REFERENCES "Share" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Share_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Share" ("createdAt", "downloadCount", "expiresAt", "id", "maxDownloads", "message", "ownerId", "passwordHash", "revokedAt", "title", "tokenHash") SELECT "createdAt", "downloadCount", "expiresAt", "id", "maxDownloads", "message", "ownerId", "passwordHash", "revokedAt", "title", "tokenHash" FROM "Share";
DROP TABLE "Share";
ALTER TABLE "new_Share" RENAME TO "Share";
CREATE UNIQUE INDEX "Share_tokenHash_key" ON "Share"("tokenHash");
CREATE INDEX "Share_ownerId_createdAt_idx" ON "Share"("ownerId", "createdAt");
CREATE TABLE "new_ShareRecipient" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shareId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT,
    "firstOpenedAt" DATETIME,
    "firstDownloadedAt" DATETIME,
    "downloadCount" INTEGER NOT NULL DEFAULT 0,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ShareRecipient_shareId_fkey" FOREIGN KEY ("shareId") REFERENCES "Share" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ShareRecipient" ("createdAt", "email", "id", "revokedAt", "shareId", "tokenHash") SELECT "createdAt", "email", "id", "revokedAt", "shareId", "tokenHash" FROM "ShareRecipient";
DROP TABLE "ShareRecipient";
ALTER TABLE "new_ShareRecipient" RENAME TO "ShareRecipient";
CREATE UNIQUE INDEX "ShareRecipient_tokenHash_key" ON "ShareRecipient"("tokenHash");
CREATE INDEX "ShareRecipient_shareId_idx" ON "ShareRecipient"("shareId");
CREATE UNIQUE INDEX "ShareRecipient_shareId_email_key" ON "ShareRecipient"("shareId", "email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
