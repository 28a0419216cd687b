USE versioned;
INSERT INTO explicit_period (id, v) VALUES (3, 'c');
UPDATE explicit_period SET v = 'a2' WHERE id = 1;
DELETE FROM explicit_period WHERE id = 2;
INSERT INTO invisible_period (id, v) VALUES (2, 'b');
UPDATE invisible_period SET v = 'a2' WHERE id = 1;
DELETE FROM invisible_period WHERE id = 2;
-- MariaDB writes these as statements even under binlog_format=ROW: no binlog reader sees their rows
INSERT INTO trx_period (id, v) VALUES (2, 'b');
UPDATE trx_period SET v = 'a2' WHERE id = 1;
DELETE FROM trx_period WHERE id = 2;
INSERT INTO plain_invisible (id, v) VALUES (2, 'b');
UPDATE plain_invisible SET v = 'a2', hidden = 8 WHERE id = 1;
DELETE FROM plain_invisible WHERE id = 2;
-- a table created while streaming, with hidden period columns: its schema change is compared, its rows are not
-- (Debezium stops on them: MariaDbSystemVersioningIT in the source's tests covers what Tributary emits)
CREATE TABLE implicit_late (id INT PRIMARY KEY, note TEXT) WITH SYSTEM VERSIONING;
/* comments before a statement, as migration tools send them */ # and a line
ALTER TABLE plain_invisible ADD COLUMN late INT;
ALTER TABLE plain_invisible ADD COLUMN later INT /* and after one */;
