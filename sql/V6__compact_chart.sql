-- Issue 7: each pair's small chart (both series at 32 points, JSON) is stored with its result when it
-- is judged, so the report of a large run reads no raw series for the pairs it does not show in full.
ALTER TABLE pair_result ADD COLUMN chart VARCHAR;
