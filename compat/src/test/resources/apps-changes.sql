INSERT INTO apps.wp_posts (post_author, post_date, post_date_gmt, post_content, post_title, post_status, post_name, post_modified, guid, post_type)
  VALUES (1, '2026-12-01 12:00:00', '2026-12-01 11:00:00', 'Revision', 'Hello world', 'inherit', '1-revision-v1', '2026-12-01 12:00:00', 'http://x/?p=3', 'revision');
UPDATE apps.wp_posts SET post_content = CONCAT(post_content, '<p>more</p>'), post_modified = '2026-12-01 12:00:01', comment_count = comment_count + 1 WHERE ID = 1;
UPDATE apps.wp_postmeta SET meta_value = '1767225700:1' WHERE meta_key = '_edit_lock';
DELETE FROM apps.wp_postmeta WHERE post_id = 2;
UPDATE apps.wp_posts SET ID = 100 WHERE ID = 2;
INSERT INTO apps.catalog_product_entity (attribute_set_id, sku) VALUES (9, 'NEW-1');
UPDATE apps.catalog_product_entity_decimal SET value = value - 0.000001 WHERE entity_id = 1;
INSERT INTO apps.catalog_product_entity_decimal (attribute_id, store_id, entity_id, value) VALUES (77, 0, 3, 0.5)
  ON DUPLICATE KEY UPDATE value = VALUES(value);
INSERT INTO apps.catalog_product_entity_decimal (attribute_id, store_id, entity_id, value) VALUES (77, 0, 1, 1.25)
  ON DUPLICATE KEY UPDATE value = VALUES(value);
UPDATE apps.eav_store_value SET store_id = 1 WHERE attribute_id = 1;
REPLACE INTO apps.eav_store_value VALUES (65535, 65535, 7);
UPDATE apps.film SET rental_rate = 0.99, special_features = 'Trailers', release_year = 2155, last_update = '2026-12-01 00:00:00' WHERE film_id = 1;
DELETE FROM apps.film WHERE film_id = 3;
UPDATE apps.staff SET picture = NULL, password = 'f7c3bc1d808e04732adf679965ccc34ca7ae3441' WHERE staff_id = 1;
UPDATE apps.address SET location = ST_GeomFromText('MULTIPOINT(1 1,2 2)') WHERE address_id = 1;
INSERT INTO apps.legacy_customers VALUES (3, 'Ærø', 'Ørsted', 'øæå ß');
UPDATE apps.legacy_customers SET id = 30, name = 'Zoë' WHERE id = 3;
UPDATE apps.`Order` SET `select` = 11, `key` = 2 WHERE `group` = 'a';
DELETE FROM apps.`Order` WHERE `group` = 'b';
INSERT INTO apps.CustomerOrders VALUES (12, 'Initech', 0.01);
UPDATE apps.sessions SET expires = '2027-01-01 00:00:00.5', data = REPEAT('x', 300) WHERE user_id = 7;
UPDATE apps.sessions SET id = UNHEX('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF') WHERE user_id IS NULL;
TRUNCATE TABLE apps.wp_postmeta;
INSERT INTO apps.wp_postmeta (post_id, meta_key, meta_value) VALUES (100, '_after_truncate', 'y');
ALTER TABLE apps.film ADD COLUMN original_language_id tinyint unsigned DEFAULT NULL AFTER language_id;
INSERT INTO apps.film (title, language_id, original_language_id, rating) VALUES ('AFTER ALTER', 1, 2, 'R');
ALTER TABLE apps.legacy_customers MODIFY name VARCHAR(60) CHARACTER SET utf8mb4 NOT NULL, ADD COLUMN vip TINYINT(1) NOT NULL DEFAULT 0;
UPDATE apps.legacy_customers SET name = 'Zoë 😀', vip = 1 WHERE id = 30;
ALTER TABLE apps.CustomerOrders DROP COLUMN TotalAmount, ADD COLUMN Placed DATETIME DEFAULT CURRENT_TIMESTAMP;
UPDATE apps.CustomerOrders SET CustomerName = 'ACME Corp' WHERE OrderID = 10;
CREATE TABLE apps.wp_options (option_id bigint unsigned NOT NULL AUTO_INCREMENT, option_name varchar(191) NOT NULL DEFAULT '',
  option_value longtext NOT NULL, autoload varchar(20) NOT NULL DEFAULT 'yes', PRIMARY KEY (option_id), UNIQUE KEY option_name (option_name));
INSERT INTO apps.wp_options (option_name, option_value) VALUES ('siteurl', 'http://x'), ('cron', 'a:0:{}');
DELETE FROM apps.wp_options WHERE option_name = 'cron';
CREATE TABLE apps.film_copy AS SELECT film_id, title, rating FROM apps.film WHERE film_id <= 2;
CREATE TABLE apps.film_like LIKE apps.film;
INSERT INTO apps.film_like (title, language_id) VALUES ('LIKE ROW', 1);
ALTER TABLE apps.staff RENAME COLUMN email TO email_address;
UPDATE apps.staff SET email_address = 'jon@example.com' WHERE staff_id = 2;
INSERT INTO apps.access_log (id, note) VALUES (2, 'second');
UPDATE apps.access_log SET note = 'touched' WHERE id = 1;
-- tables as ORMs write them, created and altered while streaming: a BOOLEAN beside a numeric default written
-- otherwise than the server writes it back (0 for 0.00, 1.0 for 1) keeps its type
CREATE TABLE apps.rails_items (`id` bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, `active` boolean DEFAULT TRUE,
  `price` decimal(10,2) DEFAULT 0.0, `qty` decimal(8,3) DEFAULT 0, `created_at` datetime(6) NOT NULL);
INSERT INTO apps.rails_items (price, created_at) VALUES (1.5, '2024-01-01 00:00:00');
CREATE TABLE apps.flags (id INT PRIMARY KEY, f BOOLEAN NOT NULL DEFAULT FALSE, amount FLOAT DEFAULT 1.0,
  ratio DOUBLE DEFAULT 2.50);
INSERT INTO apps.flags (id) VALUES (1);
ALTER TABLE apps.flags ADD COLUMN score DECIMAL(5,2) NOT NULL DEFAULT 0;
INSERT INTO apps.flags (id) VALUES (2);
ALTER TABLE apps.flags ADD COLUMN g BOOLEAN DEFAULT TRUE;
INSERT INTO apps.flags (id) VALUES (3);
-- statements the DDL reader understands only in part: the columns it could read keep their spelling (a BOOLEAN
-- beside a double-quoted default), a bare TIMESTAMP is nullable as Debezium reads it, ALTER ... ORDER BY is read over
CREATE TABLE apps.hand_made (id INT NOT NULL PRIMARY KEY, on_sale BOOLEAN NOT NULL DEFAULT FALSE,
  label VARCHAR(12) DEFAULT "none", price DECIMAL(8,2) DEFAULT 0, seen TIMESTAMP);
INSERT INTO apps.hand_made (id, on_sale, seen) VALUES (1, TRUE, '2026-01-02 03:04:05');
CREATE TABLE apps.stamped (id INT NOT NULL PRIMARY KEY, done BOOL DEFAULT 0, at TIMESTAMP,
  touched TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP);
INSERT INTO apps.stamped (id, done, at) VALUES (1, 1, '2026-02-03 04:05:06');
ALTER TABLE apps.stamped ADD COLUMN featured BOOL DEFAULT 1, ORDER BY id;
INSERT INTO apps.stamped (id) VALUES (2);
ALTER TABLE apps.hand_made ADD COLUMN note VARCHAR(20) DEFAULT "n/a" -- a note on the statement's last line
;
INSERT INTO apps.hand_made (id) VALUES (2);
-- checks written with their columns, a BOOL defaulting to a bit literal, a BINARY's default shorter than the column
CREATE TABLE apps.checked (id INT NOT NULL PRIMARY KEY, enabled BOOL NOT NULL DEFAULT b'1' CHECK (enabled IN (0, 1)),
  stock INTEGER UNSIGNED CHECK (stock < 100000), tag BINARY(4) DEFAULT 'ab',
  code VARBINARY(8) DEFAULT 'xyz');
INSERT INTO apps.checked (id, stock) VALUES (1, 5);
ALTER TABLE apps.checked ADD COLUMN archived BOOLEAN DEFAULT b'0' CHECK (archived <> 2);
INSERT INTO apps.checked (id, stock, archived) VALUES (2, 6, TRUE);
-- lengths written the server's own way: DATETIME(0), YEAR(4), BINARY with none
CREATE TABLE apps.stamps (id INT NOT NULL PRIMARY KEY, at DATETIME(0), took TIME(0), seen TIMESTAMP(0) NULL,
  fiscal YEAR(4), flag BINARY, precise DATETIME(3));
INSERT INTO apps.stamps VALUES (1, '2026-01-02 03:04:05', '01:02:03', '2026-01-02 03:04:05', 2026, 'x',
  '2026-01-02 03:04:05.678');
-- a DATETIME's or TIMESTAMP's default written as a date alone, beside a BOOLEAN in the same ALTER
ALTER TABLE apps.stamps ADD COLUMN valid_from DATETIME NOT NULL DEFAULT '2020-01-01', ADD COLUMN trial BOOLEAN DEFAULT FALSE,
  ADD COLUMN opened TIMESTAMP NULL DEFAULT '2021-02-03';
INSERT INTO apps.stamps (id) VALUES (2);
-- an ALTER not understood as a whole (a POLYGON) still spells the columns it defines as written: a BOOLEAN stays one
ALTER TABLE apps.flags ADD COLUMN area POLYGON NULL, ADD COLUMN promo BOOLEAN DEFAULT TRUE, MODIFY amount REAL DEFAULT 1.5;
INSERT INTO apps.flags (id) VALUES (4);
-- defaults the server writes back its own way, kept as written: an ENUM's and a SET's members in another case and
-- order, a CHAR's trailing spaces
ALTER TABLE apps.flags ADD COLUMN tier ENUM('free', 'pro') NOT NULL DEFAULT 'PRO', ADD COLUMN perks SET('a', 'b', 'c') DEFAULT 'c,A',
  ADD COLUMN code CHAR(4) DEFAULT 'ab  ', ADD COLUMN vip BOOL DEFAULT FALSE;
INSERT INTO apps.flags (id) VALUES (5);
-- numbers the server rounds (1.56, 3.14159, 2.718281828459045), kept as written
ALTER TABLE apps.flags ADD COLUMN rate DECIMAL(5,2) DEFAULT 1.555, ADD COLUMN pi FLOAT DEFAULT 3.14159265,
  ADD COLUMN e DOUBLE DEFAULT 2.718281828459045235, ADD COLUMN hot BOOLEAN DEFAULT TRUE;
INSERT INTO apps.flags (id) VALUES (6);
-- YEAR defaults of two digits or fewer, kept as written (1999 and 2005 to the server and to Debezium's converter)
ALTER TABLE apps.fiscal ADD COLUMN audited YEAR DEFAULT 99, ADD COLUMN planned YEAR DEFAULT '5', ADD COLUMN early BOOL DEFAULT 0;
INSERT INTO apps.fiscal (id, opened) VALUES (2, 2002);
-- dates written without leading zeros: no default to Debezium's converter, the epoch when NOT NULL
ALTER TABLE apps.fiscal ADD COLUMN kickoff DATE DEFAULT '2020-1-2', ADD COLUMN due DATE NOT NULL DEFAULT '2021-3-4';
INSERT INTO apps.fiscal (id, opened) VALUES (3, 2003);
-- escapes in text defaults, kept as written (the server stores a tab, a quote, a backslash before the %)
ALTER TABLE apps.fiscal ADD COLUMN memo VARCHAR(20) DEFAULT 'a\tb', ADD COLUMN pct VARCHAR(10) DEFAULT '50\%',
  ADD COLUMN quip VARCHAR(10) DEFAULT 'it\'s', ADD COLUMN late BOOL DEFAULT TRUE;
INSERT INTO apps.fiscal (id, opened) VALUES (4, 2004);
-- the binary character set, of a table and of a column: strings to Debezium's parser (their bytes read as
-- ISO-8859-1), though the server makes them VARBINARY, BINARY and BLOB
CREATE TABLE apps.blobs (id INT NOT NULL PRIMARY KEY, tag VARCHAR(10), code CHAR(3), body TEXT) CHARSET=binary;
INSERT INTO apps.blobs VALUES (1, 'abc', 'x', 'body'), (2, X'E9FF00', X'C3A9', X'00');
ALTER TABLE apps.fiscal ADD COLUMN raw VARCHAR(8) CHARACTER SET binary DEFAULT 'r', ADD COLUMN plain VARCHAR(8);
INSERT INTO apps.fiscal (id, opened, raw, plain) VALUES (5, 2005, X'E9', 'p');
UPDATE apps.blobs SET tag = 'é' WHERE id = 1;
-- ENUM and SET members with trailing spaces, which the server strips and Debezium's parser keeps
CREATE TABLE apps.sizes (id INT NOT NULL PRIMARY KEY, size ENUM('s ', 'm', 'l  ') NOT NULL, extras SET('gift ', 'wrap'));
INSERT INTO apps.sizes VALUES (1, 's', 'gift,wrap'), (2, 'l', NULL);
ALTER TABLE apps.sizes ADD COLUMN fit ENUM('slim ', 'loose') DEFAULT 'slim', ADD COLUMN ok BOOL DEFAULT TRUE;
INSERT INTO apps.sizes (id, size) VALUES (3, 'm');
-- lengths and attributes the server writes otherwise: BLOB(70000) and TEXT(100) are a MEDIUMBLOB and a TINYTEXT to
-- it, CHAR(3) BINARY a binary collation, CHAR a CHAR(1)
CREATE TABLE apps.sized (id INT NOT NULL PRIMARY KEY, pic BLOB(70000), note TEXT(100), code CHAR(3) BINARY,
  flag CHAR, label VARCHAR(5) BINARY, ok BOOL DEFAULT TRUE);
INSERT INTO apps.sized VALUES (1, X'01', 'n', 'abc', 'y', 'lab', FALSE);
-- defaults the server stores otherwise than written, kept as written
CREATE TABLE apps.odd (id INT NOT NULL PRIMARY KEY, big INT DEFAULT 1e3, half INT DEFAULT '12.5', dur TIME DEFAULT 1000,
  span TIME DEFAULT '1 02:03:04', stamp TIMESTAMP NULL DEFAULT '2020-1-2', nat VARCHAR(5) DEFAULT N'x',
  joined VARCHAR(5) DEFAULT 'a' 'b', bits BIT(8) DEFAULT 5, ok BOOL DEFAULT TRUE);
INSERT INTO apps.odd (id) VALUES (1);
ALTER TABLE apps.odd ADD COLUMN neg INT DEFAULT '-12.5', ADD COLUMN intro VARCHAR(5) DEFAULT _utf8mb4'y',
  ADD COLUMN ts2 TIMESTAMP NULL DEFAULT '2020-01-02 3:04', ADD COLUMN hm TIME DEFAULT '10:30',
  ADD COLUMN dec2 DECIMAL(6,2) DEFAULT 1e2, ADD COLUMN fl DOUBLE DEFAULT 2.5e1, ADD COLUMN ok2 BOOL DEFAULT FALSE;
INSERT INTO apps.odd (id) VALUES (2);
-- hex literals and double-quoted strings as defaults, partitions
CREATE TABLE apps.lits (id INT NOT NULL PRIMARY KEY, hx VARBINARY(4) DEFAULT 0x41, hs VARCHAR(4) DEFAULT 0x42,
  hb BINARY(2) DEFAULT X'4344', dq VARCHAR(8) DEFAULT "q'x", n INT DEFAULT 0x10)
  PARTITION BY HASH (id) PARTITIONS 2;
INSERT INTO apps.lits (id) VALUES (1);
