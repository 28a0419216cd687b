-- on a server with lower_case_table_names=1, which keeps every name in lower case
CREATE DATABASE Cased;
CREATE TABLE Cased.MixedOld (id INT PRIMARY KEY, v INT);
INSERT INTO Cased.MixedOld VALUES (1, 1);
