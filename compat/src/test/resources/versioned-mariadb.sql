CREATE DATABASE versioned;
USE versioned;
-- system versioning with the period columns MariaDB adds itself (invisible: information_schema and SHOW CREATE TABLE
-- leave them out, the binlog's rows carry them)
CREATE TABLE implicit_period (id INT PRIMARY KEY, v VARCHAR(10)) WITH SYSTEM VERSIONING;
INSERT INTO implicit_period VALUES (1, 'a'), (2, 'b'), (3, 'c');
-- history rows, which a snapshot does not read
UPDATE implicit_period SET v = 'a2' WHERE id = 1;
DELETE FROM implicit_period WHERE id = 3;
-- the period columns named in the table, visible
CREATE TABLE explicit_period (id INT PRIMARY KEY, v VARCHAR(10),
  s TIMESTAMP(6) GENERATED ALWAYS AS ROW START, e TIMESTAMP(6) GENERATED ALWAYS AS ROW END,
  PERIOD FOR SYSTEM_TIME(s, e)) WITH SYSTEM VERSIONING;
INSERT INTO explicit_period (id, v) VALUES (1, 'a'), (2, 'b'), (9, 'z');
DELETE FROM explicit_period WHERE id = 9;
-- named and invisible
CREATE TABLE invisible_period (id INT PRIMARY KEY, v VARCHAR(10),
  s TIMESTAMP(6) GENERATED ALWAYS AS ROW START INVISIBLE, e TIMESTAMP(6) GENERATED ALWAYS AS ROW END INVISIBLE,
  PERIOD FOR SYSTEM_TIME(s, e)) WITH SYSTEM VERSIONING;
INSERT INTO invisible_period (id, v) VALUES (1, 'a');
-- versioned by transaction id
CREATE TABLE trx_period (id INT PRIMARY KEY, v VARCHAR(10),
  s BIGINT UNSIGNED GENERATED ALWAYS AS ROW START, e BIGINT UNSIGNED GENERATED ALWAYS AS ROW END,
  PERIOD FOR SYSTEM_TIME(s, e)) WITH SYSTEM VERSIONING ENGINE=InnoDB;
INSERT INTO trx_period (id, v) VALUES (1, 'a');
-- an ordinary table with an ordinary invisible column
CREATE TABLE plain_invisible (id INT PRIMARY KEY, v VARCHAR(10), hidden INT INVISIBLE DEFAULT 7);
INSERT INTO plain_invisible (id, v) VALUES (1, 'a');
