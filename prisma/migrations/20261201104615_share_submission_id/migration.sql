-- AlterTable
ALTER TABLE "Share" ADD COLUMN "submissionId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Share_ownerId_submissionId_key" ON "Share"("ownerId", "submissionId");

