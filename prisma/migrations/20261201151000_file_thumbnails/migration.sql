-- AlterTable
ALTER TABLE "File" ADD COLUMN "thumbnailKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "File_thumbnailKey_key" ON "File"("thumbnailKey");
