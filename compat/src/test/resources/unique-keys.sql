CREATE DATABASE ukeys;
CREATE TABLE ukeys.uk_single (code VARCHAR(10) NOT NULL, v INT, UNIQUE KEY uk_code (code));
INSERT INTO ukeys.uk_single VALUES ('m', 1), ('c', 2), ('x', 3);
CREATE TABLE ukeys.uk_composite (a INT NOT NULL, b VARCHAR(5) NOT NULL, v INT, UNIQUE KEY uk_ba (b, a));
INSERT INTO ukeys.uk_composite VALUES (2, 'b', 1), (1, 'b', 2), (3, 'a', 3);
CREATE TABLE ukeys.uk_skip_nullable (n INT, m INT NOT NULL, v INT, UNIQUE KEY uk_n (n), UNIQUE KEY uk_m (m));
INSERT INTO ukeys.uk_skip_nullable VALUES (NULL, 5, 1), (1, 2, 2), (2, 9, 3);
CREATE TABLE ukeys.uk_only_nullable (n INT, v INT, UNIQUE KEY uk_n (n));
INSERT INTO ukeys.uk_only_nullable VALUES (NULL, 1), (5, 2), (3, 3);
CREATE TABLE ukeys.uk_prefix_then_full (c VARCHAR(20) NOT NULL, d INT NOT NULL, v INT, UNIQUE KEY uk_c (c(4)),
  UNIQUE KEY uk_d (d));
INSERT INTO ukeys.uk_prefix_then_full VALUES ('zulu-1', 3, 1), ('alfa-1', 1, 2), ('mike-1', 2, 3);
CREATE TABLE ukeys.uk_prefix (c VARCHAR(20) NOT NULL, v INT, UNIQUE KEY uk_c (c(4)));
INSERT INTO ukeys.uk_prefix VALUES ('zulu-1', 1), ('alfa-1', 2);
CREATE TABLE ukeys.with_pk (id INT PRIMARY KEY, code INT NOT NULL, v INT, UNIQUE KEY uk_code (code));
INSERT INTO ukeys.with_pk VALUES (2, 20, 1), (1, 30, 2);
CREATE TABLE ukeys.keyless (x INT, y INT);
INSERT INTO ukeys.keyless VALUES (1, NULL), (2, 2), (NULL, 3);
