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
