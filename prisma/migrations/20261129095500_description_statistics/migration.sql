-- Search and the merchant filter match '%…%' patterns against descriptions, and Postgres guesses
-- how many rows a pattern matches from the column's statistics. With the default 100 entries it
-- guessed 56 of 1,000,000 rows for '%rent%' (7,136 matched), so it read every user's matching
-- rows instead of intersecting them with the user's own: 41–136 ms where 5–10 ms suffice once the
-- guess is right, for about 1 ms more planning (docs/BENCHMARKS.md, search).
ALTER TABLE "transactions" ALTER COLUMN "description" SET STATISTICS 1000;
ANALYZE "transactions" ("description");
