-- A re-judgement (issue 3) is a run of its own that judges the stored evidence of an earlier run
-- with other tolerances, calling no backend.
ALTER TABLE parity_run ADD COLUMN judged_from BIGINT;
ALTER TABLE parity_run ADD COLUMN judgement_note VARCHAR(1000);
