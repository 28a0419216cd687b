CREATE TABLE ukeys.uk_hash (t TEXT NOT NULL, v INT, UNIQUE KEY uk_t (t));
INSERT INTO ukeys.uk_hash VALUES ('zz', 1), ('aa', 2);
