-- CreateTable
CREATE TABLE "StorageSource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "bucket" TEXT NOT NULL,
    "prefix" TEXT NOT NULL DEFAULT '',
    "endpoint" TEXT,
    "region" TEXT,
    "forcePathStyle" BOOLEAN NOT NULL DEFAULT false,
    "accessKeyId" TEXT,
    "secretSealed" TEXT,
    "ownerId" TEXT,
    "writable" BOOLEAN NOT NULL DEFAULT false,
    "pollSeconds" INTEGER,
    "pollWatermark" DATETIME,
    "polledAt" DATETIME,
    "configKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StorageSource_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ArrivalRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "sourceId" TEXT,
    "folderId" TEXT,
    "prefix" TEXT NOT NULL DEFAULT '',
    "pattern" TEXT,
    "minSize" BIGINT,
    "maxSize" BIGINT,
    "recipients" TEXT NOT NULL,
    "message" TEXT,
    "days" INTEGER NOT NULL,
    "maxDownloads" INTEGER,
    "passwordHash" TEXT,
    "notifyOwner" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ArrivalRule_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArrivalRule_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "StorageSource" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArrivalRule_folderId_fkey" FOREIGN KEY ("folderId") REFERENCES "Folder" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Arrival" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ruleId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "via" TEXT NOT NULL,
    "fileId" TEXT,
    "shareId" TEXT,
    "error" TEXT,
    "seenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Arrival_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "ArrivalRule" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Arrival_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "File" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Arrival_shareId_fkey" FOREIGN KEY ("shareId") REFERENCES "Share" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- Folder rules become arrival rules on their folder (lib/arrivals/).
INSERT INTO "ArrivalRule" ("id", "ownerId", "folderId", "recipients", "message", "days", "createdAt")
SELECT r."id", f."ownerId", r."folderId", r."recipients", r."message", r."days", r."createdAt"
FROM "FolderRule" r JOIN "Folder" f ON f."id" = r."folderId";

-- DropIndex
DROP INDEX "FolderRule_folderId_key";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "FolderRule";
PRAGMA foreign_keys=on;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_File" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "folderId" TEXT,
    "name" TEXT NOT NULL,
    "sortName" TEXT NOT NULL DEFAULT '',
    "size" BIGINT NOT NULL,
    "contentType" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT '',
    "storageKey" TEXT NOT NULL,
    "sourceId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "uploadId" TEXT,
    "partSize" INTEGER,
    "etag" TEXT,
    "uploadRequestId" TEXT,
    "uploadedBy" TEXT,
    "reportedAt" DATETIME,
    "announcedAt" DATETIME,
    "scanStatus" TEXT,
    "scanClaimedAt" DATETIME,
    "scanDetail" TEXT,
    "thumbnailKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "File_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "File_folderId_fkey" FOREIGN KEY ("folderId") REFERENCES "Folder" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "File_uploadRequestId_fkey" FOREIGN KEY ("uploadRequestId") REFERENCES "UploadRequest" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "File_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "StorageSource" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_File" ("announcedAt", "contentType", "createdAt", "etag", "folderId", "id", "kind", "name", "ownerId", "partSize", "reportedAt", "scanClaimedAt", "scanDetail", "scanStatus", "size", "sortName", "status", "storageKey", "thumbnailKey", "updatedAt", "uploadId", "uploadRequestId", "uploadedBy") SELECT "announcedAt", "contentType", "createdAt", "etag", "folderId", "id", "kind", "name", "ownerId", "partSize", "reportedAt", "scanClaimedAt", "scanDetail", "scanStatus", "size", "sortName", "status", "storageKey", "thumbnailKey", "updatedAt", "uploadId", "uploadRequestId", "uploadedBy" FROM "File";
DROP TABLE "File";
ALTER TABLE "new_File" RENAME TO "File";
CREATE UNIQUE INDEX "File_thumbnailKey_key" ON "File"("thumbnailKey");
CREATE INDEX "File_storageKey_idx" ON "File"("storageKey");
CREATE INDEX "File_sourceId_idx" ON "File"("sourceId");
CREATE INDEX "File_ownerId_folderId_sortName_id_idx" ON "File"("ownerId", "folderId", "sortName", "id");
CREATE INDEX "File_ownerId_status_createdAt_idx" ON "File"("ownerId", "status", "createdAt");
CREATE INDEX "File_folderId_idx" ON "File"("folderId");
CREATE INDEX "File_uploadRequestId_status_idx" ON "File"("uploadRequestId", "status");
CREATE INDEX "File_scanStatus_idx" ON "File"("scanStatus");
CREATE UNIQUE INDEX "File_ownerId_sourceId_storageKey_etag_key" ON "File"("ownerId", "sourceId", "storageKey", "etag");
CREATE TABLE "new_Folder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "parentId" TEXT,
    "name" TEXT NOT NULL,
    "sortName" TEXT NOT NULL DEFAULT '',
    "sourceId" TEXT,
    "sourceKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Folder_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Folder_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "StorageSource" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Folder_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Folder" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Folder" ("createdAt", "id", "name", "ownerId", "parentId", "sortName") SELECT "createdAt", "id", "name", "ownerId", "parentId", "sortName" FROM "Folder";
DROP TABLE "Folder";
ALTER TABLE "new_Folder" RENAME TO "Folder";
CREATE INDEX "Folder_ownerId_parentId_sortName_id_idx" ON "Folder"("ownerId", "parentId", "sortName", "id");
CREATE INDEX "Folder_parentId_idx" ON "Folder"("parentId");
CREATE INDEX "Folder_sourceId_idx" ON "Folder"("sourceId");
CREATE UNIQUE INDEX "Folder_ownerId_sourceId_sourceKey_key" ON "Folder"("ownerId", "sourceId", "sourceKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "StorageSource_configKey_key" ON "StorageSource"("configKey");

-- CreateIndex
CREATE INDEX "StorageSource_ownerId_idx" ON "StorageSource"("ownerId");

-- CreateIndex
CREATE INDEX "ArrivalRule_ownerId_createdAt_idx" ON "ArrivalRule"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "ArrivalRule_sourceId_idx" ON "ArrivalRule"("sourceId");

-- CreateIndex
CREATE INDEX "ArrivalRule_folderId_idx" ON "ArrivalRule"("folderId");

-- CreateIndex
CREATE INDEX "Arrival_ruleId_seenAt_idx" ON "Arrival"("ruleId", "seenAt");

-- CreateIndex
CREATE UNIQUE INDEX "Arrival_ruleId_key_version_key" ON "Arrival"("ruleId", "key", "version");
