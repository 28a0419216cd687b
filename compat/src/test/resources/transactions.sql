CREATE DATABASE orm;
CREATE TABLE orm.accounts (id INT PRIMARY KEY, owner VARCHAR(20), balance INT) ENGINE=InnoDB;
INSERT INTO orm.accounts VALUES (100, 'seed', 0);
