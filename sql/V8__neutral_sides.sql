-- Issue 8: the store speaks of the old side (the system being retired) and the new side (the one
-- that replaces it), never of a vendor; which systems they were is stored with the run. Stored runs
-- stay readable and re-renderable: their columns, codes and side names are renamed here.
ALTER TABLE pair_result RENAME COLUMN cloudwatch_coverage TO old_coverage;
ALTER TABLE pair_result RENAME COLUMN prometheus_coverage TO new_coverage;
ALTER TABLE pair_result RENAME COLUMN cw_count TO old_count;
ALTER TABLE pair_result RENAME COLUMN prom_count TO new_count;
ALTER TABLE pair_result RENAME COLUMN cw_mean TO old_mean;
ALTER TABLE pair_result RENAME COLUMN prom_mean TO new_mean;
ALTER TABLE pair_result RENAME COLUMN cw_sum TO old_sum;
ALTER TABLE pair_result RENAME COLUMN prom_sum TO new_sum;
ALTER TABLE pair_result RENAME COLUMN cw_min TO old_min;
ALTER TABLE pair_result RENAME COLUMN prom_min TO new_min;
ALTER TABLE pair_result RENAME COLUMN cw_max TO old_max;
ALTER TABLE pair_result RENAME COLUMN prom_max TO new_max;
ALTER TABLE pair_result RENAME COLUMN cw_p50 TO old_p50;
ALTER TABLE pair_result RENAME COLUMN prom_p50 TO new_p50;
ALTER TABLE pair_result RENAME COLUMN cw_p95 TO old_p95;
ALTER TABLE pair_result RENAME COLUMN prom_p95 TO new_p95;
ALTER TABLE pair_result RENAME COLUMN cw_p99 TO old_p99;
ALTER TABLE pair_result RENAME COLUMN prom_p99 TO new_p99;
ALTER TABLE discrepancy RENAME COLUMN cloudwatch_value TO old_value;
ALTER TABLE discrepancy RENAME COLUMN prometheus_value TO new_value;
UPDATE discrepancy SET kind = 'MISSING_NEW' WHERE kind = 'MISSING_PROMETHEUS';
UPDATE discrepancy SET kind = 'MISSING_OLD' WHERE kind = 'MISSING_CLOUDWATCH';
UPDATE pair_result SET diagnoses = REPLACE(REPLACE(diagnoses, '"GAP_PROMETHEUS"', '"GAP_NEW"'), '"GAP_CLOUDWATCH"',
    '"GAP_OLD"') WHERE diagnoses LIKE '%GAP_%';
UPDATE series_evidence SET side = 'OLD' WHERE side = 'CLOUDWATCH';
UPDATE series_evidence SET side = 'NEW' WHERE side = 'PROMETHEUS';
