-- MySQL 8.3+'s tagged GTIDs (uuid:tag:number): each event's source.gtid as Debezium 3.6 reports it — a single
-- statement, a transaction of several, a DDL statement and a tag given a number of its own
SET gtid_next = 'AUTOMATIC:hunt3';
INSERT INTO hunt3.tags (name) VALUES ('tagged');
START TRANSACTION;
UPDATE hunt3.tags SET name = 'tagged2' WHERE name = 'tagged';
INSERT INTO hunt3.tags (name) VALUES ('tagged3');
COMMIT;
ALTER TABLE hunt3.tags ADD COLUMN note VARCHAR(10);
SET gtid_next = 'AUTOMATIC:nightly_batch';
DELETE FROM hunt3.tags WHERE name = 'tagged3';
SET gtid_next = 'AUTOMATIC';
INSERT INTO hunt3.tags (name, note) VALUES ('untagged', 'n');
