-- Every query on transactions filters by user first, so these two indexes over all users' rows served
-- none of them, while each cost about 5 % of the time to write 100,000 rows (docs/BENCHMARKS.md).
-- DropIndex
DROP INDEX "idx_transactions_merchant";

-- DropIndex
DROP INDEX "idx_transactions_amount";
