-- DropIndex
DROP INDEX "File_folderId_idx";

-- CreateIndex
CREATE INDEX "File_folderId_idx" ON "File" USING HASH ("folderId");
