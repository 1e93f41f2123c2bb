-- Every verdict is the judge's, so a re-judgement judges exactly what the run judged: each side's
-- answer says what it was (one series, several where one was meant, a failure), the settle rule's
-- second reads are kept as answers of their own (sides OLD_AGAIN and NEW_AGAIN), and the run keeps
-- the pause before them.
ALTER TABLE series_evidence ADD COLUMN outcome VARCHAR(16) NOT NULL DEFAULT 'SERIES';
UPDATE series_evidence SET outcome = 'FAILED' WHERE error IS NOT NULL;
UPDATE series_evidence SET outcome = 'SEVERAL' WHERE error IS NOT NULL AND labels LIKE '[%';
ALTER TABLE parity_run ADD COLUMN settle_recheck_seconds INTEGER;
