CREATE TABLE ukeys.uk_functional (code VARCHAR(10) NOT NULL, v INT, UNIQUE KEY uk_lower ((LOWER(code))));
INSERT INTO ukeys.uk_functional VALUES ('Zed', 1), ('alf', 2);
CREATE TABLE ukeys.uk_invisible_pk (id INT NOT NULL INVISIBLE AUTO_INCREMENT PRIMARY KEY, code VARCHAR(10), v INT);
INSERT INTO ukeys.uk_invisible_pk (code, v) VALUES ('a', 1), ('b', 2);
