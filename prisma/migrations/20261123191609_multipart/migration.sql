-- AlterTable
ALTER TABLE "File" ADD COLUMN "partSize" INTEGER;
ALTER TABLE "File" ADD COLUMN "uploadId" TEXT;
