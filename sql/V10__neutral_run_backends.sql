-- Issue 8: the run's record of its two backends speaks of the old side (the system being retired)
-- and the new side (the one that replaces it), and names each system; earlier runs were all
-- CloudWatch to Prometheus.
ALTER TABLE parity_run RENAME COLUMN cloudwatch_calls TO old_calls;
ALTER TABLE parity_run RENAME COLUMN cloudwatch_metrics TO old_metrics;
ALTER TABLE parity_run RENAME COLUMN cloudwatch_min_calls TO old_min_calls;
ALTER TABLE parity_run RENAME COLUMN prometheus_calls TO new_calls;
ALTER TABLE parity_run RENAME COLUMN cloudwatch_endpoint TO old_location;
ALTER TABLE parity_run RENAME COLUMN cloudwatch_version TO old_version;
ALTER TABLE parity_run RENAME COLUMN prometheus_url TO new_location;
ALTER TABLE parity_run RENAME COLUMN prometheus_version TO new_version;
ALTER TABLE parity_run RENAME COLUMN cloudwatch_region TO old_region;
ALTER TABLE parity_run RENAME COLUMN cloudwatch_retries TO old_retries;
ALTER TABLE parity_run RENAME COLUMN prometheus_retries TO new_retries;
ALTER TABLE parity_run RENAME COLUMN prometheus_range_rule TO new_range_rule;
ALTER TABLE parity_run ADD COLUMN old_system VARCHAR(64) NOT NULL DEFAULT 'CloudWatch';
ALTER TABLE parity_run ADD COLUMN new_system VARCHAR(64) NOT NULL DEFAULT 'Prometheus';
