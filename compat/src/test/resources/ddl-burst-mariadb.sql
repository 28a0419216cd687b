-- an ALTER DATABASE naming no database alters the session's (Debezium 3.6's MySQL parser cannot read it: the MySQL
-- script names it)
USE burst;
ALTER DATABASE CHARACTER SET latin1;
CREATE TABLE burst.under_latin1 (id INT PRIMARY KEY, s VARCHAR(5));
INSERT INTO burst.under_latin1 VALUES (1, 'Æ');
ALTER DATABASE CHARACTER SET utf8mb4;
