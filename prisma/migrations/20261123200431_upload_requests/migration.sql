/*
  Warnings:

  - The primary key for the `UnlockThrottle` table will be changed. If it partially fails, the table could be left without primary key constraint.
  - UnlockThrottle.shareId becomes "subject" (a share's or an upload request's id); existing rows keep their share id.

*/
-- CreateTable
CREATE TABLE "UploadRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "folderId" TEXT,
    "tokenHash" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "message" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "passwordHash" TEXT,
    "passwordVersion" INTEGER NOT NULL DEFAULT 0,
    "maxFiles" INTEGER,
    "maxFileSize" BIGINT,
    "allowedTypes" TEXT,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UploadRequest_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UploadRequest_folderId_fkey" FOREIGN KEY ("folderId") REFERENCES "Folder" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_File" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "folderId" TEXT,
    "name" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "contentType" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "uploadId" TEXT,
    "partSize" INTEGER,
    "etag" TEXT,
    "uploadRequestId" TEXT,
    "uploadedBy" TEXT,
    "announcedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "File_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "File_folderId_fkey" FOREIGN KEY ("folderId") REFERENCES "Folder" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "File_uploadRequestId_fkey" FOREIGN KEY ("uploadRequestId") REFERENCES "UploadRequest" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_File" ("contentType", "createdAt", "etag", "folderId", "id", "name", "ownerId", "partSize", "size", "status", "storageKey", "updatedAt", "uploadId") SELECT "contentType", "createdAt", "etag", "folderId", "id", "name", "ownerId", "partSize", "size", "status", "storageKey", "updatedAt", "uploadId" FROM "File";
DROP TABLE "File";
ALTER TABLE "new_File" RENAME TO "File";
CREATE UNIQUE INDEX "File_storageKey_key" ON "File"("storageKey");
CREATE INDEX "File_ownerId_folderId_name_idx" ON "File"("ownerId", "folderId", "name");
CREATE INDEX "File_ownerId_status_createdAt_idx" ON "File"("ownerId", "status", "createdAt");
CREATE INDEX "File_folderId_idx" ON "File"("folderId");
CREATE INDEX "File_uploadRequestId_status_idx" ON "File"("uploadRequestId", "status");
CREATE TABLE "new_UnlockThrottle" (
    "subject" TEXT NOT NULL,
    "clientKey" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" DATETIME NOT NULL,

    PRIMARY KEY ("subject", "clientKey")
);
INSERT INTO "new_UnlockThrottle" ("subject", "clientKey", "failures", "lastFailureAt") SELECT "shareId", "clientKey", "failures", "lastFailureAt" FROM "UnlockThrottle";
DROP TABLE "UnlockThrottle";
ALTER TABLE "new_UnlockThrottle" RENAME TO "UnlockThrottle";
CREATE INDEX "UnlockThrottle_lastFailureAt_idx" ON "UnlockThrottle"("lastFailureAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "UploadRequest_tokenHash_key" ON "UploadRequest"("tokenHash");

-- CreateIndex
CREATE INDEX "UploadRequest_ownerId_createdAt_idx" ON "UploadRequest"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "UploadRequest_folderId_idx" ON "UploadRequest"("folderId");
