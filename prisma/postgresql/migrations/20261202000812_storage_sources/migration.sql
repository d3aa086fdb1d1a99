-- DropForeignKey
ALTER TABLE "FolderRule" DROP CONSTRAINT "FolderRule_folderId_fkey";

-- DropIndex
DROP INDEX "File_storageKey_key";

-- AlterTable
ALTER TABLE "File" ADD COLUMN     "sourceId" TEXT;

-- AlterTable
ALTER TABLE "Folder" ADD COLUMN     "sourceId" TEXT,
ADD COLUMN     "sourceKey" TEXT;

-- CreateTable
CREATE TABLE "StorageSource" (
    "id" TEXT NOT NULL,
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
    "pollWatermark" TIMESTAMP(3),
    "polledAt" TIMESTAMP(3),
    "configKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StorageSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArrivalRule" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArrivalRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Arrival" (
    "id" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "via" TEXT NOT NULL,
    "fileId" TEXT,
    "shareId" TEXT,
    "error" TEXT,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Arrival_pkey" PRIMARY KEY ("id")
);

-- Folder rules become arrival rules on their folder (lib/arrivals/).
INSERT INTO "ArrivalRule" ("id", "ownerId", "folderId", "recipients", "message", "days", "createdAt")
SELECT r."id", f."ownerId", r."folderId", r."recipients", r."message", r."days", r."createdAt"
FROM "FolderRule" r JOIN "Folder" f ON f."id" = r."folderId";

-- DropTable
DROP TABLE "FolderRule";

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

-- CreateIndex
CREATE INDEX "File_storageKey_idx" ON "File"("storageKey");

-- CreateIndex
CREATE INDEX "File_sourceId_idx" ON "File"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "File_ownerId_sourceId_storageKey_etag_key" ON "File"("ownerId", "sourceId", "storageKey", "etag");

-- CreateIndex
CREATE INDEX "Folder_sourceId_idx" ON "Folder"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Folder_ownerId_sourceId_sourceKey_key" ON "Folder"("ownerId", "sourceId", "sourceKey");

-- AddForeignKey
ALTER TABLE "Folder" ADD CONSTRAINT "Folder_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "StorageSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "File" ADD CONSTRAINT "File_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "StorageSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StorageSource" ADD CONSTRAINT "StorageSource_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArrivalRule" ADD CONSTRAINT "ArrivalRule_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArrivalRule" ADD CONSTRAINT "ArrivalRule_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "StorageSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArrivalRule" ADD CONSTRAINT "ArrivalRule_folderId_fkey" FOREIGN KEY ("folderId") REFERENCES "Folder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Arrival" ADD CONSTRAINT "Arrival_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "ArrivalRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Arrival" ADD CONSTRAINT "Arrival_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "File"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Arrival" ADD CONSTRAINT "Arrival_shareId_fkey" FOREIGN KEY ("shareId") REFERENCES "Share"("id") ON DELETE SET NULL ON UPDATE CASCADE;

