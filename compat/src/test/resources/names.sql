CREATE DATABASE names;
CREATE TABLE names.`odd name` (id INT PRIMARY KEY, `first name` VARCHAR(10), `1col` INT, `zażółć` INT, `a-b` INT,
  under_score INT);
INSERT INTO names.`odd name` VALUES (1, 'ada', 1, 2, 3, 4), (2, NULL, NULL, NULL, NULL, NULL);
CREATE TABLE names.`t.bla` (id INT PRIMARY KEY, v INT);
INSERT INTO names.`t.bla` VALUES (1, 1);
CREATE TABLE names.`zażółć` (id INT PRIMARY KEY, v INT);
INSERT INTO names.`zażółć` VALUES (1, 1), (2, 2);
CREATE TABLE names.`my-table` (id INT PRIMARY KEY, v INT);
INSERT INTO names.`my-table` VALUES (1, 1);
CREATE TABLE names.`a$b+c` (id INT PRIMARY KEY, v INT);
INSERT INTO names.`a$b+c` VALUES (1, 1);
CREATE TABLE names.`unique key.ż` (`kod ż` VARCHAR(5) NOT NULL, v INT, UNIQUE KEY `klucz ż` (`kod ż`));
INSERT INTO names.`unique key.ż` VALUES ('b', 1), ('a', 2);
CREATE DATABASE `sklep ż`;
CREATE TABLE `sklep ż`.`zamówienia` (`nr zamówienia` INT PRIMARY KEY, v INT);
INSERT INTO `sklep ż`.`zamówienia` VALUES (1, 1), (2, 2);
