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


-- Usage counters ("Usage": usedBytes, pendingBytes): what the quota meter shows, kept by a
-- trigger in the same statement as every write of a file, so no code path can forget them. Only
-- the app's own files count (sourceId NULL); "ready" files are used bytes, "pending" ones uploads
-- under way. A person's row is made with their first file; a delete only subtracts (a person being
-- deleted takes their row with them, and must not get a new one). (Search needs no trigger here:
-- the trigram indexes above serve LIKE '%…%' directly.)
INSERT INTO "Usage" ("userId", "usedBytes", "pendingBytes")
SELECT "ownerId",
  COALESCE(SUM(CASE WHEN "status" = 'ready' THEN "size" END), 0),
  COALESCE(SUM(CASE WHEN "status" = 'pending' THEN "size" END), 0)
FROM "File" WHERE "sourceId" IS NULL GROUP BY "ownerId";

CREATE FUNCTION "file_usage"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."sourceId" IS NULL AND OLD."status" IN ('ready', 'pending') THEN
    UPDATE "Usage" SET
      "usedBytes" = "usedBytes" - (CASE WHEN OLD."status" = 'ready' THEN OLD."size" ELSE 0 END),
      "pendingBytes" = "pendingBytes" - (CASE WHEN OLD."status" = 'pending' THEN OLD."size" ELSE 0 END)
    WHERE "userId" = OLD."ownerId";
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."sourceId" IS NULL AND NEW."status" IN ('ready', 'pending') THEN
    INSERT INTO "Usage" ("userId", "usedBytes", "pendingBytes")
    VALUES (NEW."ownerId", CASE WHEN NEW."status" = 'ready' THEN NEW."size" ELSE 0 END, CASE WHEN NEW."status" = 'pending' THEN NEW."size" ELSE 0 END)
    ON CONFLICT ("userId") DO UPDATE SET
      "usedBytes" = "Usage"."usedBytes" + EXCLUDED."usedBytes",
      "pendingBytes" = "Usage"."pendingBytes" + EXCLUDED."pendingBytes";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "File_usage_write" AFTER INSERT OR DELETE ON "File" FOR EACH ROW EXECUTE FUNCTION "file_usage"();
CREATE TRIGGER "File_usage_update" AFTER UPDATE OF "status", "size", "ownerId", "sourceId" ON "File" FOR EACH ROW
  WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."size" IS DISTINCT FROM NEW."size" OR OLD."ownerId" IS DISTINCT FROM NEW."ownerId" OR OLD."sourceId" IS DISTINCT FROM NEW."sourceId")
  EXECUTE FUNCTION "file_usage"();
