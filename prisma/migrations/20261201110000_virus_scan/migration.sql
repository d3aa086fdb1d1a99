-- AlterTable
ALTER TABLE "File" ADD COLUMN "reportedAt" DATETIME;
ALTER TABLE "File" ADD COLUMN "scanClaimedAt" DATETIME;
ALTER TABLE "File" ADD COLUMN "scanDetail" TEXT;
ALTER TABLE "File" ADD COLUMN "scanStatus" TEXT;

-- CreateIndex
CREATE INDEX "File_scanStatus_idx" ON "File"("scanStatus");
