-- Which samples the Prometheus side's range selectors took, by the server's version:
-- closed [t-P, t] before Prometheus 3, left-open (t-P, t] since (issue 8, the version rule).
ALTER TABLE parity_run ADD COLUMN prometheus_range_rule VARCHAR(300);
