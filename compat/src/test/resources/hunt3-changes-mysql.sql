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

-- a generated invisible primary key made while streaming, and changes to the one the snapshot read; a table made
-- under sql_require_primary_key
SET SESSION sql_generate_invisible_primary_key = ON;
CREATE TABLE hunt3.gipk2 (a INT, note VARCHAR(10));
INSERT INTO hunt3.gipk2 (a, note) VALUES (1, 'x'), (2, 'y');
UPDATE hunt3.gipk SET note = 'uno' WHERE a = 1;
DELETE FROM hunt3.gipk WHERE a = 2;
INSERT INTO hunt3.gipk (a, note) VALUES (4, 'four');
SET SESSION sql_generate_invisible_primary_key = OFF;
ALTER TABLE hunt3.gipk2 ADD COLUMN extra INT DEFAULT 7;
INSERT INTO hunt3.gipk2 (a, note) VALUES (3, 'z');
SET SESSION sql_require_primary_key = ON;
CREATE TABLE hunt3.required (id INT PRIMARY KEY, v INT);
INSERT INTO hunt3.required VALUES (1, 1);
UPDATE hunt3.required SET v = 2;
SET SESSION sql_require_primary_key = OFF;
