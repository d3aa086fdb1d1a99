-- DropIndex
DROP INDEX "File_name_trgm_idx";

-- DropIndex
DROP INDEX "Folder_name_trgm_idx";

-- AlterTable
ALTER TABLE "File" ADD COLUMN     "searchName" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Folder" ADD COLUMN     "searchName" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "Usage" (
    "userId" TEXT NOT NULL,
    "usedBytes" BIGINT NOT NULL DEFAULT 0,
    "pendingBytes" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "Usage_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "File_ownerId_folderId_createdAt_id_idx" ON "File"("ownerId", "folderId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "File_ownerId_folderId_size_id_idx" ON "File"("ownerId", "folderId", "size", "id");

-- CreateIndex
CREATE INDEX "File_ownerId_folderId_kind_id_idx" ON "File"("ownerId", "folderId", "kind", "id");

-- CreateIndex
CREATE INDEX "File_searchName_trgm_idx" ON "File" USING GIN ("searchName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Folder_searchName_trgm_idx" ON "Folder" USING GIN ("searchName" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "Usage" ADD CONSTRAINT "Usage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Usage counters ("Usage": usedBytes, pendingBytes): what the quota meter shows, kept by triggers
-- in the same statement as every write of a file, so no code path can forget them. Only the app's
-- own files count (sourceId NULL); "ready" files are used bytes, "pending" ones uploads under way.
-- A person's row is made with their first file; a delete only subtracts (a person being deleted
-- takes their row with them, and must not get a new one). The triggers run once per statement
-- over its rows (transition tables): a row trigger would update the same Usage row once per file,
-- and PostgreSQL keeps every version of that row until commit, so a statement touching 10,000 of
-- one person's files would slow down with the square of their number. (Search needs no trigger
-- here: the trigram indexes above serve LIKE '%…%' directly.)
INSERT INTO "Usage" ("userId", "usedBytes", "pendingBytes")
SELECT "ownerId",
  COALESCE(SUM(CASE WHEN "status" = 'ready' THEN "size" END), 0),
  COALESCE(SUM(CASE WHEN "status" = 'pending' THEN "size" END), 0)
FROM "File" WHERE "sourceId" IS NULL GROUP BY "ownerId";

-- Each byte count by owner: + for the rows a statement wrote, - for the rows it replaced or removed.
-- (PL/pgSQL plans a statement when it first runs it, so each branch names only the transition
-- tables its trigger has.)
CREATE FUNCTION "file_usage"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "Usage" SET "usedBytes" = "Usage"."usedBytes" - gone."used", "pendingBytes" = "Usage"."pendingBytes" - gone."pending"
    FROM (
      SELECT "ownerId",
        SUM(CASE WHEN "status" = 'ready' THEN "size" ELSE 0 END) AS "used",
        SUM(CASE WHEN "status" = 'pending' THEN "size" ELSE 0 END) AS "pending"
      FROM "old_files" WHERE "sourceId" IS NULL AND "status" IN ('ready', 'pending') GROUP BY "ownerId"
    ) AS gone
    WHERE "Usage"."userId" = gone."ownerId";
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO "Usage" ("userId", "usedBytes", "pendingBytes")
    SELECT "ownerId",
      SUM(CASE WHEN "status" = 'ready' THEN "size" ELSE 0 END),
      SUM(CASE WHEN "status" = 'pending' THEN "size" ELSE 0 END)
    FROM "new_files" WHERE "sourceId" IS NULL AND "status" IN ('ready', 'pending') GROUP BY "ownerId"
    ON CONFLICT ("userId") DO UPDATE SET
      "usedBytes" = "Usage"."usedBytes" + EXCLUDED."usedBytes",
      "pendingBytes" = "Usage"."pendingBytes" + EXCLUDED."pendingBytes";
  ELSE
    INSERT INTO "Usage" ("userId", "usedBytes", "pendingBytes")
    SELECT "ownerId", SUM("used"), SUM("pending") FROM (
      SELECT "ownerId",
        CASE WHEN "status" = 'ready' THEN "size" ELSE 0 END AS "used",
        CASE WHEN "status" = 'pending' THEN "size" ELSE 0 END AS "pending"
      FROM "new_files" WHERE "sourceId" IS NULL AND "status" IN ('ready', 'pending')
      UNION ALL
      SELECT "ownerId",
        CASE WHEN "status" = 'ready' THEN -"size" ELSE 0 END,
        CASE WHEN "status" = 'pending' THEN -"size" ELSE 0 END
      FROM "old_files" WHERE "sourceId" IS NULL AND "status" IN ('ready', 'pending')
    ) AS change
    GROUP BY "ownerId"
    HAVING SUM("used") <> 0 OR SUM("pending") <> 0
    ON CONFLICT ("userId") DO UPDATE SET
      "usedBytes" = "Usage"."usedBytes" + EXCLUDED."usedBytes",
      "pendingBytes" = "Usage"."pendingBytes" + EXCLUDED."pendingBytes";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "File_usage_insert" AFTER INSERT ON "File" REFERENCING NEW TABLE AS "new_files" FOR EACH STATEMENT EXECUTE FUNCTION "file_usage"();
CREATE TRIGGER "File_usage_update" AFTER UPDATE ON "File" REFERENCING OLD TABLE AS "old_files" NEW TABLE AS "new_files" FOR EACH STATEMENT EXECUTE FUNCTION "file_usage"();
CREATE TRIGGER "File_usage_delete" AFTER DELETE ON "File" REFERENCING OLD TABLE AS "old_files" FOR EACH STATEMENT EXECUTE FUNCTION "file_usage"();
