-- AlterTable
ALTER TABLE "Metric" ADD COLUMN     "sortOrder" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN     "borough" TEXT;
