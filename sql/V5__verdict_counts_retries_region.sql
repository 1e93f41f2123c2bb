-- Issue 7: every verdict counted (WARN and UNSETTLED were counted nowhere), retries counted per
-- backend, and the CloudWatch region stored as a value (not parsed back from display text).
ALTER TABLE parity_run ADD COLUMN warn_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE parity_run ADD COLUMN unsettled_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE parity_run ADD COLUMN cloudwatch_region VARCHAR(64);
ALTER TABLE parity_run ADD COLUMN cloudwatch_retries BIGINT NOT NULL DEFAULT 0;
ALTER TABLE parity_run ADD COLUMN prometheus_retries BIGINT NOT NULL DEFAULT 0;

-- Runs stored before this migration get their counts from their results.
UPDATE parity_run SET
    warn_count = (SELECT COUNT(*) FROM pair_result r WHERE r.run_id = parity_run.id AND r.verdict = 'WARN'),
    unsettled_count = (SELECT COUNT(*) FROM pair_result r WHERE r.run_id = parity_run.id AND r.verdict = 'UNSETTLED');
