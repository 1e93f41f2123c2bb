-- Percentiles held to their histogram's buckets: the finite upper bounds (the le values) of the
-- buckets a new side's percentile was estimated from (a JSON list of numbers, ascending), kept
-- with the evidence so that a re-judgement holds the old side's value to the same buckets.
-- NULL when the side's values are not estimated from a histogram.
ALTER TABLE series_evidence ADD COLUMN bucket_bounds VARCHAR;
