-- DropIndex
DROP INDEX "File_name_trgm_idx";

-- DropIndex
DROP INDEX "Folder_name_trgm_idx";

-- AlterTable
ALTER TABLE "File" ADD COLUMN     "searchName" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Folder" ADD COLUMN     "searchName" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "pendingBytes" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "usedBytes" BIGINT NOT NULL DEFAULT 0;

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


-- Usage counters (User.usedBytes, User.pendingBytes): what the quota meter shows, kept by a
-- trigger in the same statement as every write of a file, so no code path can forget them. Only
-- the app's own files count (sourceId NULL); "ready" files are used bytes, "pending" ones uploads
-- under way. (Search needs no trigger here: the trigram index above serves LIKE '%…%' directly.)
UPDATE "User" SET
  "usedBytes" = (SELECT COALESCE(SUM("size"), 0) FROM "File" WHERE "ownerId" = "User"."id" AND "sourceId" IS NULL AND "status" = 'ready'),
  "pendingBytes" = (SELECT COALESCE(SUM("size"), 0) FROM "File" WHERE "ownerId" = "User"."id" AND "sourceId" IS NULL AND "status" = 'pending');

CREATE FUNCTION "file_usage"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."sourceId" IS NULL AND OLD."status" IN ('ready', 'pending') THEN
    UPDATE "User" SET
      "usedBytes" = "usedBytes" - (CASE WHEN OLD."status" = 'ready' THEN OLD."size" ELSE 0 END),
      "pendingBytes" = "pendingBytes" - (CASE WHEN OLD."status" = 'pending' THEN OLD."size" ELSE 0 END)
    WHERE "id" = OLD."ownerId";
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."sourceId" IS NULL AND NEW."status" IN ('ready', 'pending') THEN
    UPDATE "User" SET
      "usedBytes" = "usedBytes" + (CASE WHEN NEW."status" = 'ready' THEN NEW."size" ELSE 0 END),
      "pendingBytes" = "pendingBytes" + (CASE WHEN NEW."status" = 'pending' THEN NEW."size" ELSE 0 END)
    WHERE "id" = NEW."ownerId";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "File_usage_write" AFTER INSERT OR DELETE ON "File" FOR EACH ROW EXECUTE FUNCTION "file_usage"();
CREATE TRIGGER "File_usage_update" AFTER UPDATE OF "status", "size", "ownerId", "sourceId" ON "File" FOR EACH ROW
  WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."size" IS DISTINCT FROM NEW."size" OR OLD."ownerId" IS DISTINCT FROM NEW."ownerId" OR OLD."sourceId" IS DISTINCT FROM NEW."sourceId")
  EXECUTE FUNCTION "file_usage"();
