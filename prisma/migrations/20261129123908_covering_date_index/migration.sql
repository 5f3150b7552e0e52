-- Recurring detection and the forecast's everyday spending read a year of one user's charges for
-- their merchant, currency, amount and account only, and the chat reads the merchant names of the
-- user's whole history. With those columns in the (user, date) index these reads are index-only
-- scans instead of fetching every heap page of the user's history, and recurring detection's
-- candidate series are then found by merchant group instead of reading the history again.
-- The merchant-key index goes: the only query by merchant key (a correction applied to the past)
-- asks by merchant group too, which a merchant key implies.

-- DropIndex
DROP INDEX "idx_transactions_user_date";

-- DropIndex
DROP INDEX "transactions_user_id_merchant_key_idx";

-- CreateIndex
CREATE INDEX "idx_transactions_user_date" ON "transactions"("user_id", "transaction_date" DESC, "merchant_group", "currency", "amount", "account_id", "merchant_name");

-- CreateIndex
CREATE INDEX "transactions_user_id_merchant_group_transaction_date_idx" ON "transactions"("user_id", "merchant_group", "transaction_date");

-- An index-only scan skips the heap only for pages the visibility map marks all-visible, which
-- vacuum does. By default autovacuum visits an insert-only table after 20 % of its size in new rows
-- (200,000 on a table of a million): a bank's first sync would stay off the map for weeks.
ALTER TABLE "transactions" SET (autovacuum_vacuum_insert_scale_factor = 0.01);
