-- AlterTable
ALTER TABLE "EmailOutbox" ADD COLUMN "onBehalfOfName" TEXT;
ALTER TABLE "EmailOutbox" ADD COLUMN "replyTo" TEXT;
