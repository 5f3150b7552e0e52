-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "idx_transactions_description_trgm" ON "transactions" USING GIN ("description" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "idx_transactions_merchant_trgm" ON "transactions" USING GIN ("merchant_name" gin_trgm_ops);
