CREATE DATABASE apps DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE TABLE apps.wp_posts (
  ID bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  post_author bigint(20) unsigned NOT NULL DEFAULT '0',
  post_date datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  post_date_gmt datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  post_content longtext COLLATE utf8mb4_unicode_520_ci NOT NULL,
  post_title text COLLATE utf8mb4_unicode_520_ci NOT NULL,
  post_status varchar(20) COLLATE utf8mb4_unicode_520_ci NOT NULL DEFAULT 'publish',
  comment_status varchar(20) NOT NULL DEFAULT 'open',
  post_name varchar(200) NOT NULL DEFAULT '',
  post_modified datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  post_parent bigint(20) unsigned NOT NULL DEFAULT '0',
  guid varchar(255) NOT NULL DEFAULT '',
  menu_order int(11) NOT NULL DEFAULT '0',
  post_type varchar(20) NOT NULL DEFAULT 'post',
  comment_count bigint(20) NOT NULL DEFAULT '0',
  PRIMARY KEY (ID),
  KEY post_name (post_name(191)),
  KEY type_status_date (post_type, post_status, post_date, ID)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
CREATE TABLE apps.wp_postmeta (
  meta_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  post_id bigint(20) unsigned NOT NULL DEFAULT '0',
  meta_key varchar(255) DEFAULT NULL,
  meta_value longtext,
  PRIMARY KEY (meta_id),
  KEY post_id (post_id),
  KEY meta_key (meta_key(191))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
INSERT INTO apps.wp_posts (post_author, post_date, post_content, post_title, post_name, guid) VALUES
  (1, '2026-01-02 03:04:05', '<!-- wp:paragraph --><p>Witaj świecie! ąę "quoted" \\ back</p>', 'Hello world', 'hello-world', 'http://x/?p=1'),
  (1, '0000-00-00 00:00:00', '', 'Auto draft', '', '');
INSERT INTO apps.wp_postmeta (post_id, meta_key, meta_value) VALUES
  (1, '_edit_lock', '1767225600:1'), (1, '_wp_page_template', 'default'),
  (2, '_thumbnail', 'a:1:{s:4:"file";s:9:"x\\"y.jpg";}'), (2, NULL, NULL);
CREATE TABLE apps.catalog_product_entity (
  entity_id int(10) unsigned NOT NULL AUTO_INCREMENT,
  attribute_set_id smallint(5) unsigned NOT NULL DEFAULT '0',
  type_id varchar(32) NOT NULL DEFAULT 'simple',
  sku varchar(64) NOT NULL,
  has_options smallint(6) NOT NULL DEFAULT '0',
  created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (entity_id),
  UNIQUE KEY sku (sku)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE TABLE apps.catalog_product_entity_decimal (
  value_id int(11) NOT NULL AUTO_INCREMENT,
  attribute_id smallint(5) unsigned NOT NULL DEFAULT '0',
  store_id smallint(5) unsigned NOT NULL DEFAULT '0',
  entity_id int(10) unsigned NOT NULL DEFAULT '0',
  value decimal(20,6) DEFAULT NULL,
  PRIMARY KEY (value_id),
  UNIQUE KEY eav_unique (entity_id, attribute_id, store_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE TABLE apps.eav_store_value (
  attribute_id smallint(5) unsigned NOT NULL,
  store_id smallint(5) unsigned NOT NULL,
  value decimal(20,6) NOT NULL DEFAULT '0.000000',
  PRIMARY KEY (attribute_id, store_id)
) ENGINE=InnoDB;
INSERT INTO apps.catalog_product_entity (attribute_set_id, sku, created_at, updated_at) VALUES
  (4, 'MH01', '2026-03-01 10:00:00', '2026-03-01 10:00:00'), (65535, 'WJ12-XL', '2026-03-01 10:00:00', '2026-03-02 11:00:00');
INSERT INTO apps.catalog_product_entity_decimal (attribute_id, store_id, entity_id, value) VALUES
  (77, 0, 1, 52.000000), (77, 1, 1, 99999999999999.999999), (78, 0, 2, -0.000001), (79, 0, 2, NULL);
INSERT INTO apps.eav_store_value VALUES (1, 0, 0), (65535, 65535, 12345678901234.123456);
CREATE TABLE apps.film (
  film_id smallint unsigned NOT NULL AUTO_INCREMENT,
  title varchar(128) NOT NULL,
  description text,
  release_year year DEFAULT NULL,
  language_id tinyint unsigned NOT NULL,
  rental_duration tinyint unsigned NOT NULL DEFAULT '3',
  rental_rate decimal(4,2) NOT NULL DEFAULT '4.99',
  length smallint unsigned DEFAULT NULL,
  rating enum('G','PG','PG-13','R','NC-17') DEFAULT 'G',
  special_features set('Trailers','Commentaries','Deleted Scenes','Behind the Scenes') DEFAULT NULL,
  last_update timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (film_id),
  KEY idx_title (title)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE apps.staff (
  staff_id tinyint unsigned NOT NULL AUTO_INCREMENT,
  first_name varchar(45) NOT NULL,
  picture blob,
  email varchar(50) DEFAULT NULL,
  active tinyint(1) NOT NULL DEFAULT '1',
  password varchar(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL,
  last_update timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (staff_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE apps.address (
  address_id smallint unsigned NOT NULL AUTO_INCREMENT,
  address varchar(50) NOT NULL,
  postal_code varchar(10) DEFAULT NULL,
  location geometry NOT NULL,
  PRIMARY KEY (address_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO apps.film (title, description, release_year, language_id, length, rating, special_features, last_update) VALUES
  ('ACADEMY DINOSAUR', 'A Epic Drama of a Feminist', 2006, 1, 86, 'PG', 'Deleted Scenes,Behind the Scenes', '2026-02-15 05:03:42'),
  ('ACE GOLDFINGER', NULL, 1901, 1, NULL, 'NC-17', '', '2026-02-15 05:03:42'),
  ('ADAPTATION HOLES', 'x', NULL, 2, 50, NULL, NULL, '2026-02-15 05:03:42');
INSERT INTO apps.staff (first_name, picture, email, active, password, last_update) VALUES
  ('Mike', 0x89504E470D0A1A0A0000, 'Mike.Hillyer@sakilastaff.com', 1, '8cb2237d0679ca88db6464eac60da96345513964', '2026-02-15 04:57:16'),
  ('Jon', NULL, NULL, 0, NULL, '2026-02-15 04:57:16');
INSERT INTO apps.address (address, postal_code, location) VALUES
  ('47 MySakila Drive', NULL, ST_GeomFromText('POINT(-112.8185647 49.6999986)')),
  ('28 MySQL Boulevard', '', ST_GeomFromText('POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,3 2,3 3,2 2))'));
CREATE TABLE apps.legacy_customers (
  id INT NOT NULL PRIMARY KEY,
  name VARCHAR(40) NOT NULL,
  city CHAR(20),
  notes TEXT
) ENGINE=InnoDB DEFAULT CHARSET=latin1;
INSERT INTO apps.legacy_customers VALUES (1, 'Müller', 'Köln', 'café ½ £'), (2, 'O''Brien', NULL, '');
CREATE TABLE apps.`Order` (
  `key` INT NOT NULL,
  `group` VARCHAR(10) NOT NULL,
  `select` INT,
  `Desc` VARCHAR(20) DEFAULT 'none',
  PRIMARY KEY (`key`, `group`)
);
CREATE TABLE apps.CustomerOrders (OrderID INT NOT NULL PRIMARY KEY, CustomerName VARCHAR(30), TotalAmount DECIMAL(12,2));
INSERT INTO apps.`Order` VALUES (1, 'a', 10, 'first'), (1, 'b', NULL, DEFAULT);
INSERT INTO apps.CustomerOrders VALUES (10, 'ACME', 1234.50), (11, 'Globex', NULL);
CREATE TABLE apps.sessions (
  id BINARY(16) NOT NULL PRIMARY KEY,
  user_id BIGINT,
  data MEDIUMBLOB,
  expires DATETIME(6) NOT NULL
);
INSERT INTO apps.sessions VALUES
  (UNHEX(REPLACE('3f06af63-a93c-11e4-9797-00505690773f', '-', '')), 7, 'payload', '2026-12-01 10:00:00.123456'),
  (UNHEX('00000000000000000000000000000000'), NULL, NULL, '2026-12-01 10:00:00');
CREATE TABLE apps.import_batch_a (id INT PRIMARY KEY, payload VARCHAR(20));
CREATE TABLE apps.import_batch_b (id INT PRIMARY KEY, payload VARCHAR(20));
INSERT INTO apps.import_batch_a VALUES (1, 'a');
INSERT INTO apps.import_batch_b VALUES (1, 'b');
CREATE TABLE apps.access_log (id INT NOT NULL PRIMARY KEY, logged TIMESTAMP, seen TIMESTAMP, note VARCHAR(10));
INSERT INTO apps.access_log (id, seen, note) VALUES (1, '2026-01-01 00:00:00', 'first');
-- YEAR defaults as the server keeps them (0000 for DEFAULT 0), which Debezium's converter reads as 2000 (a 0000
-- value is left out: Debezium 3.5's MariaDB snapshot fails on it, in the driver)
CREATE TABLE apps.fiscal (id INT NOT NULL PRIMARY KEY, opened YEAR DEFAULT 0, closed YEAR DEFAULT 1999);
INSERT INTO apps.fiscal (id, opened) VALUES (1, 2001);
