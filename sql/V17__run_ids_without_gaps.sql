-- Run and inventory ids without a jump after a kill: H2 hands out identity values from a cache of
-- 32 and loses what is left of it when its process is killed (runs 3, 4, then 36). One value at a
-- time, as PostgreSQL does by default (a rolled-back insert still uses one on either). Portable
-- SQL: H2 2.x and PostgreSQL 13+.
ALTER TABLE parity_run ALTER COLUMN id SET CACHE 1;
ALTER TABLE inventory ALTER COLUMN id SET CACHE 1;
