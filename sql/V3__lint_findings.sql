-- Linter warnings of each planned pair (issue 3), shown in the report beside the verdict.
ALTER TABLE run_pair ADD COLUMN lint VARCHAR;
