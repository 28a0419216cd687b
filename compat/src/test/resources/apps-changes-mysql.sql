-- expression defaults on times while streaming, and a table LIKE one with them
ALTER TABLE apps.jobs ADD COLUMN reserved_at datetime DEFAULT (now());
INSERT INTO apps.jobs (id, reserved_at) VALUES (2, '2026-01-03 00:00:00');
CREATE TABLE apps.jobs_failed LIKE apps.jobs;
INSERT INTO apps.jobs_failed (id, queued_at) VALUES (1, '2026-01-04 00:00:00');
-- a named check written with its column, not enforced
ALTER TABLE apps.checked ADD COLUMN reorder_at INTEGER UNSIGNED CONSTRAINT reorder_sane CHECK (reorder_at < 1000) NOT ENFORCED;
INSERT INTO apps.checked (id, stock, reorder_at) VALUES (3, 7, 5000);
