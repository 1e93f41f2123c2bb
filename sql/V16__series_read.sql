-- Series parity: the labels of every stored series a side's query read in the window (a JSON
-- list of label maps), kept with the evidence so that a re-judgement compares the same sets.
-- NULL when the pair does not compare series sets.
ALTER TABLE series_evidence ADD COLUMN series_read VARCHAR;
