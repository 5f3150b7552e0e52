-- CreateIndex
CREATE INDEX "idx_transactions_notes_trgm" ON "transactions" USING GIN ("notes" gin_trgm_ops);
