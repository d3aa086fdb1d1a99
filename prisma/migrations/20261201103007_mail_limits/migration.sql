-- CreateTable
CREATE TABLE "RateLimit" (
    "bucket" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "windowStart" BIGINT NOT NULL,

    PRIMARY KEY ("bucket", "key")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_EmailOutbox" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" DATETIME,
    "sentAt" DATETIME,
    "lastError" TEXT,
    "shareId" TEXT,
    "recipientId" TEXT,
    "sender" TEXT NOT NULL DEFAULT 'system',
    "sealedLink" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmailOutbox_shareId_fkey" FOREIGN KEY ("shareId") REFERENCES "Share" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EmailOutbox_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "ShareRecipient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_EmailOutbox" ("attempts", "claimedAt", "createdAt", "html", "id", "lastError", "nextAttemptAt", "recipientId", "sentAt", "shareId", "status", "subject", "text", "to") SELECT "attempts", "claimedAt", "createdAt", "html", "id", "lastError", "nextAttemptAt", "recipientId", "sentAt", "shareId", "status", "subject", "text", "to" FROM "EmailOutbox";
DROP TABLE "EmailOutbox";
ALTER TABLE "new_EmailOutbox" RENAME TO "EmailOutbox";
CREATE INDEX "EmailOutbox_status_nextAttemptAt_idx" ON "EmailOutbox"("status", "nextAttemptAt");
CREATE INDEX "EmailOutbox_status_sender_nextAttemptAt_idx" ON "EmailOutbox"("status", "sender", "nextAttemptAt");
CREATE INDEX "EmailOutbox_shareId_idx" ON "EmailOutbox"("shareId");
CREATE INDEX "EmailOutbox_recipientId_idx" ON "EmailOutbox"("recipientId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RateLimit_windowStart_idx" ON "RateLimit"("windowStart");
