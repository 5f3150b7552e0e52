-- The previous migration rewrote the table to add merchant_group, and a rewrite neither keeps
-- statistics for a new column nor counts as changes that would make autovacuum analyze it: until
-- then the planner guessed how many merchants a user has and sized the analytics' grouping wrong.
ANALYZE "transactions";
