-- CreateTable
CREATE TABLE "transaction_hooks_owed" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "transaction_ids" UUID[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "transaction_hooks_owed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "transaction_hooks_owed_created_at_idx" ON "transaction_hooks_owed"("created_at");

-- AddForeignKey
ALTER TABLE "transaction_hooks_owed" ADD CONSTRAINT "transaction_hooks_owed_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
