-- AlterTable
ALTER TABLE "transaction_hooks_owed" ADD COLUMN     "requeues" INTEGER NOT NULL DEFAULT 0;
