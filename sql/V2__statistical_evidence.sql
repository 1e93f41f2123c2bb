-- Statistical evidence beside each verdict (issue 3): the tests as JSON, the Wilcoxon p-value
-- and its Benjamini-Hochberg adjustment across the pairs of the run (a q-value).
ALTER TABLE pair_result ADD COLUMN evidence VARCHAR;
ALTER TABLE pair_result ADD COLUMN wilcoxon_p DOUBLE PRECISION;
ALTER TABLE pair_result ADD COLUMN q_value DOUBLE PRECISION;
