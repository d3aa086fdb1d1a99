-- See file-triggers.sql: run before a migration rebuilds "File" or "Usage".
DROP TRIGGER IF EXISTS "File_usage_insert";
DROP TRIGGER IF EXISTS "File_usage_delete";
DROP TRIGGER IF EXISTS "File_usage_update";
DROP TRIGGER IF EXISTS "File_search_insert";
DROP TRIGGER IF EXISTS "File_search_delete";
DROP TRIGGER IF EXISTS "File_search_rename";

-- CreateTable
CREATE TABLE "Usage" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "usedBytes" BIGINT NOT NULL DEFAULT 0,
    "pendingBytes" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "Usage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_File" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "folderId" TEXT,
    "name" TEXT NOT NULL,
    "sortName" TEXT NOT NULL DEFAULT '',
    "searchName" TEXT NOT NULL DEFAULT '',
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
INSERT INTO "new_File" ("announcedAt", "contentType", "createdAt", "etag", "folderId", "id", "kind", "name", "ownerId", "partSize", "reportedAt", "scanClaimedAt", "scanDetail", "scanStatus", "size", "sortName", "sourceId", "status", "storageKey", "thumbnailKey", "updatedAt", "uploadId", "uploadRequestId", "uploadedBy") SELECT "announcedAt", "contentType", "createdAt", "etag", "folderId", "id", "kind", "name", "ownerId", "partSize", "reportedAt", "scanClaimedAt", "scanDetail", "scanStatus", "size", "sortName", "sourceId", "status", "storageKey", "thumbnailKey", "updatedAt", "uploadId", "uploadRequestId", "uploadedBy" FROM "File";
DROP TABLE "File";
ALTER TABLE "new_File" RENAME TO "File";
CREATE UNIQUE INDEX "File_thumbnailKey_key" ON "File"("thumbnailKey");
CREATE INDEX "File_storageKey_idx" ON "File"("storageKey");
CREATE INDEX "File_sourceId_idx" ON "File"("sourceId");
CREATE INDEX "File_ownerId_folderId_sortName_id_idx" ON "File"("ownerId", "folderId", "sortName", "id");
CREATE INDEX "File_ownerId_folderId_createdAt_id_idx" ON "File"("ownerId", "folderId", "createdAt", "id");
CREATE INDEX "File_ownerId_folderId_size_id_idx" ON "File"("ownerId", "folderId", "size", "id");
CREATE INDEX "File_ownerId_folderId_kind_id_idx" ON "File"("ownerId", "folderId", "kind", "id");
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
    "searchName" TEXT NOT NULL DEFAULT '',
    "sourceId" TEXT,
    "sourceKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Folder_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Folder_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "StorageSource" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Folder_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Folder" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Folder" ("createdAt", "id", "name", "ownerId", "parentId", "sortName", "sourceId", "sourceKey") SELECT "createdAt", "id", "name", "ownerId", "parentId", "sortName", "sourceId", "sourceKey" FROM "Folder";
DROP TABLE "Folder";
ALTER TABLE "new_Folder" RENAME TO "Folder";
CREATE INDEX "Folder_ownerId_parentId_sortName_id_idx" ON "Folder"("ownerId", "parentId", "sortName", "id");
CREATE INDEX "Folder_parentId_idx" ON "Folder"("parentId");
CREATE INDEX "Folder_sourceId_idx" ON "Folder"("sourceId");
CREATE UNIQUE INDEX "Folder_ownerId_sourceId_sourceKey_key" ON "Folder"("ownerId", "sourceId", "sourceKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Triggers on "File" (SQLite): the usage counters and the search index. SQLite drops a table's
-- triggers with the table, and refuses to rename a table while a trigger names a missing one, so a
-- migration that rebuilds "File" or "Usage" (Prisma's RedefineTables) drops these first and runs
-- this whole file again after: scripts/new-migration.sh does both. Every statement is safe to
-- run again: the counters are summed afresh and the index is refilled.
DROP TRIGGER IF EXISTS "File_usage_insert";
DROP TRIGGER IF EXISTS "File_usage_delete";
DROP TRIGGER IF EXISTS "File_usage_update";
DROP TRIGGER IF EXISTS "File_search_insert";
DROP TRIGGER IF EXISTS "File_search_delete";
DROP TRIGGER IF EXISTS "File_search_rename";

-- Usage counters ("Usage": usedBytes, pendingBytes): what the quota meter shows, kept by triggers
-- in the same statement as every write of a file, so no code path can forget them. Only the app's
-- own files count (sourceId NULL); "ready" files are used bytes, "pending" ones uploads under way.
-- A person's row is made with their first file; a delete only subtracts (a person being deleted
-- takes their row with them, and must not get a new one).
DELETE FROM "Usage";
INSERT INTO "Usage" ("userId", "usedBytes", "pendingBytes")
SELECT "ownerId",
  COALESCE(SUM(CASE WHEN "status" = 'ready' THEN "size" END), 0),
  COALESCE(SUM(CASE WHEN "status" = 'pending' THEN "size" END), 0)
FROM "File" WHERE "sourceId" IS NULL GROUP BY "ownerId";

CREATE TRIGGER "File_usage_insert" AFTER INSERT ON "File"
WHEN NEW."sourceId" IS NULL AND NEW."status" IN ('ready', 'pending')
BEGIN
  INSERT OR IGNORE INTO "Usage" ("userId") VALUES (NEW."ownerId");
  UPDATE "Usage" SET
    "usedBytes" = "usedBytes" + (CASE WHEN NEW."status" = 'ready' THEN NEW."size" ELSE 0 END),
    "pendingBytes" = "pendingBytes" + (CASE WHEN NEW."status" = 'pending' THEN NEW."size" ELSE 0 END)
  WHERE "userId" = NEW."ownerId";
END;

CREATE TRIGGER "File_usage_delete" AFTER DELETE ON "File"
WHEN OLD."sourceId" IS NULL AND OLD."status" IN ('ready', 'pending')
BEGIN
  UPDATE "Usage" SET
    "usedBytes" = "usedBytes" - (CASE WHEN OLD."status" = 'ready' THEN OLD."size" ELSE 0 END),
    "pendingBytes" = "pendingBytes" - (CASE WHEN OLD."status" = 'pending' THEN OLD."size" ELSE 0 END)
  WHERE "userId" = OLD."ownerId";
END;

CREATE TRIGGER "File_usage_update" AFTER UPDATE OF "status", "size", "ownerId", "sourceId" ON "File"
WHEN OLD."status" IS NOT NEW."status" OR OLD."size" IS NOT NEW."size" OR OLD."ownerId" IS NOT NEW."ownerId" OR OLD."sourceId" IS NOT NEW."sourceId"
BEGIN
  UPDATE "Usage" SET
    "usedBytes" = "usedBytes" - (CASE WHEN OLD."sourceId" IS NULL AND OLD."status" = 'ready' THEN OLD."size" ELSE 0 END),
    "pendingBytes" = "pendingBytes" - (CASE WHEN OLD."sourceId" IS NULL AND OLD."status" = 'pending' THEN OLD."size" ELSE 0 END)
  WHERE "userId" = OLD."ownerId";
  INSERT OR IGNORE INTO "Usage" ("userId") SELECT NEW."ownerId" WHERE NEW."sourceId" IS NULL AND NEW."status" IN ('ready', 'pending');
  UPDATE "Usage" SET
    "usedBytes" = "usedBytes" + (CASE WHEN NEW."sourceId" IS NULL AND NEW."status" = 'ready' THEN NEW."size" ELSE 0 END),
    "pendingBytes" = "pendingBytes" + (CASE WHEN NEW."sourceId" IS NULL AND NEW."status" = 'pending' THEN NEW."size" ELSE 0 END)
  WHERE "userId" = NEW."ownerId";
END;

-- Search by name: an FTS5 trigram index over the folded names of the app's own files, so a
-- substring search reads the index, not every row. Its rowid is the File row's rowid; the
-- server checks at start that they still agree (a VACUUM may renumber rowids) and rebuilds it
-- if not (lib/files/search-index.ts). searchName is filled by the server at start for older rows.
CREATE VIRTUAL TABLE IF NOT EXISTS "FileSearch" USING fts5("searchName", "fileId" UNINDEXED, tokenize = 'trigram');

CREATE TRIGGER "File_search_insert" AFTER INSERT ON "File"
WHEN NEW."sourceId" IS NULL
BEGIN
  INSERT INTO "FileSearch" ("rowid", "searchName", "fileId") VALUES (NEW."rowid", NEW."searchName", NEW."id");
END;

CREATE TRIGGER "File_search_delete" AFTER DELETE ON "File"
WHEN OLD."sourceId" IS NULL
BEGIN
  DELETE FROM "FileSearch" WHERE "rowid" = OLD."rowid";
END;

CREATE TRIGGER "File_search_rename" AFTER UPDATE OF "searchName" ON "File"
WHEN NEW."sourceId" IS NULL AND OLD."searchName" IS NOT NEW."searchName"
BEGIN
  UPDATE "FileSearch" SET "searchName" = NEW."searchName" WHERE "rowid" = NEW."rowid";
END;

DELETE FROM "FileSearch";
INSERT INTO "FileSearch" ("rowid", "searchName", "fileId") SELECT "rowid", "searchName", "id" FROM "File" WHERE "sourceId" IS NULL;
