-- tables created while streaming, then named again in other spellings; statements spell the database as the server
-- does (one that spells it otherwise is not applied by Debezium 3.5, which then stops at the table's next rows)
CREATE TABLE cased.MixedNew (id INT PRIMARY KEY, Label VARCHAR(10));
INSERT INTO Cased.MixedNew VALUES (1, 'a');
ALTER TABLE cased.MIXEDNEW ADD COLUMN Extra INT;
INSERT INTO cased.mixednew VALUES (2, 'b', 2);
ALTER TABLE cased.MixedOld ADD COLUMN W INT;
UPDATE Cased.MIXEDOLD SET w = 2 WHERE id = 1;
CREATE TABLE cased.Keyless (Code VARCHAR(5) NOT NULL, n INT, UNIQUE KEY ByCode (Code));
INSERT INTO cased.KEYLESS VALUES ('k', 1);
RENAME TABLE cased.mixednew TO cased.Renamed;
INSERT INTO Cased.RENAMED VALUES (3, 'c', 3);
CREATE INDEX ByV ON cased.MIXEDOLD (v);
ALTER TABLE cased.renamed DROP COLUMN Extra, RENAME TO cased.ReNamedAgain;
INSERT INTO Cased.renamedagain VALUES (4, 'd');
CREATE TABLE cased.Doomed LIKE cased.MIXEDOLD;
INSERT INTO Cased.DOOMED VALUES (1, 1, 1);
DROP TABLE cased.DOOMED;
CREATE TABLE cased.doomed (id INT PRIMARY KEY, Other INT);
INSERT INTO Cased.Doomed VALUES (2, 2);
