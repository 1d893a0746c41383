-- AlterTable
ALTER TABLE "ProcessedActivity" ADD COLUMN     "claimedUntil" TIMESTAMP(3);
