CREATE USER 'hunt2user'@'%' IDENTIFIED BY 'hunt2-pw';
GRANT SELECT, INSERT ON hunt2.* TO 'hunt2user'@'%';
REVOKE INSERT ON hunt2.* FROM 'hunt2user'@'%';
DROP USER 'hunt2user'@'%';
FLUSH PRIVILEGES;
INSERT INTO hunt2.pk VALUES (90, 'admin', 1);
SET SESSION binlog_format = 'STATEMENT';
INSERT INTO hunt2.pk VALUES (91, 'stmt', 1);
UPDATE hunt2.pk SET v = 5 WHERE id = 91;
CREATE TABLE hunt2.stmt_made (id INT PRIMARY KEY, v INT);
INSERT INTO hunt2.stmt_made VALUES (1, 1);
SET SESSION binlog_format = 'ROW';
INSERT INTO hunt2.stmt_made VALUES (2, 2);
UPDATE hunt2.pk SET v = 6 WHERE id = 91;
-- the database's own character set again: a statement Debezium's parser reports nothing for
ALTER DATABASE hunt2 CHARACTER SET latin1;
