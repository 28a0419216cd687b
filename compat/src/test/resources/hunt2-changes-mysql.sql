ALTER TABLE hunt2.instant ADD COLUMN mid VARCHAR(10) DEFAULT 'dflt' AFTER id, ALGORITHM=INSTANT;
UPDATE hunt2.instant SET a = 10 WHERE id = 1;
INSERT INTO hunt2.instant VALUES (3, 'm', 3, 'three');
ALTER TABLE hunt2.instant DROP COLUMN a, ALGORITHM=INSTANT;
UPDATE hunt2.instant SET z = 'uno' WHERE id = 1;
DELETE FROM hunt2.instant WHERE id = 2;
ALTER TABLE hunt2.instant ADD COLUMN first_col INT NOT NULL DEFAULT 7 FIRST, ALGORITHM=INSTANT;
UPDATE hunt2.instant SET mid = 'x';
DROP TABLE IF EXISTS hunt2.never_was, hunt2.never_either;
