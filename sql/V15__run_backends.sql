-- The run's record of its backends and their calls: one row for each step (or remote partition),
-- side and system, written in the step's own transactions and summed when the run is read, so that
-- steps and workers never read, merge and write back one another's counts.
CREATE TABLE run_backend (
    run_id            BIGINT        NOT NULL REFERENCES parity_run (id),
    step_execution_id BIGINT        NOT NULL,          -- the step or partition that read it; 0 for runs before
    side              VARCHAR(8)    NOT NULL,          -- OLD or NEW
    system            VARCHAR(64)   NOT NULL,          -- as its source names it
    location          VARCHAR(1000),                   -- the endpoint or URL read
    region            VARCHAR(1000),                   -- the regions read, or null
    version           VARCHAR(1000),                   -- the backend's or its API's version
    semantics         VARCHAR(1000),                   -- what that version means for the comparison, or null
    calls             BIGINT        NOT NULL DEFAULT 0,
    metrics           BIGINT        NOT NULL DEFAULT 0,
    retries           BIGINT        NOT NULL DEFAULT 0,
    splits            BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, step_execution_id, side, system)
);
INSERT INTO run_backend (run_id, step_execution_id, side, system, location, region, version, calls, metrics, retries)
    SELECT id, 0, 'OLD', old_system, old_location, old_region, old_version, old_calls, old_metrics, old_retries
    FROM parity_run WHERE old_location IS NOT NULL OR old_calls > 0;
INSERT INTO run_backend (run_id, step_execution_id, side, system, location, version, semantics, calls, retries)
    SELECT id, 0, 'NEW', new_system, new_location, new_version, new_range_rule, new_calls, new_retries
    FROM parity_run WHERE new_location IS NOT NULL OR new_calls > 0;
ALTER TABLE parity_run DROP COLUMN old_calls;
ALTER TABLE parity_run DROP COLUMN old_metrics;
ALTER TABLE parity_run DROP COLUMN old_retries;
ALTER TABLE parity_run DROP COLUMN old_system;
ALTER TABLE parity_run DROP COLUMN old_location;
ALTER TABLE parity_run DROP COLUMN old_region;
ALTER TABLE parity_run DROP COLUMN old_version;
ALTER TABLE parity_run DROP COLUMN new_calls;
ALTER TABLE parity_run DROP COLUMN new_retries;
ALTER TABLE parity_run DROP COLUMN new_system;
ALTER TABLE parity_run DROP COLUMN new_location;
ALTER TABLE parity_run DROP COLUMN new_version;
ALTER TABLE parity_run DROP COLUMN new_range_rule;
