-- AlterTable
ALTER TABLE "transactions" ADD COLUMN     "merchant_group" text GENERATED ALWAYS AS (COALESCE(merchant_key, NULLIF(btrim(regexp_replace(lower(description), '[^a-z]+', ' ', 'g')), ''), 'unknown')) STORED;
