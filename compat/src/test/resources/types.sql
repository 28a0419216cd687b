CREATE DATABASE catalog;
CREATE TABLE catalog.types (
  id INT PRIMARY KEY,
  c_tinyint TINYINT, c_tinyint_u TINYINT UNSIGNED, c_smallint SMALLINT, c_smallint_u SMALLINT UNSIGNED,
  c_mediumint MEDIUMINT, c_mediumint_u MEDIUMINT UNSIGNED, c_int INT, c_int_u INT UNSIGNED,
  c_bigint BIGINT, c_bigint_u BIGINT UNSIGNED,
  c_decimal DECIMAL(10,2), c_float FLOAT, c_double DOUBLE,
  c_bit1 BIT(1), c_bit10 BIT(10), c_bool BOOLEAN,
  c_char CHAR(5), c_varchar VARCHAR(32) NOT NULL DEFAULT 'x', c_text TEXT, c_latin1 VARCHAR(10) CHARACTER SET latin1,
  c_binary BINARY(4), c_varbinary VARBINARY(8), c_blob BLOB,
  c_date DATE, c_time TIME, c_time1 TIME(1), c_time3 TIME(3), c_time6 TIME(6), c_datetime DATETIME, c_datetime3 DATETIME(3), c_datetime6 DATETIME(6),
  c_timestamp TIMESTAMP NULL, c_timestamp6 TIMESTAMP(6) NULL, c_year YEAR,
  c_enum ENUM('red','green','blue'), c_set SET('a','b','c'), c_json JSON, c_point POINT, c_geometry GEOMETRY
);
INSERT INTO catalog.types VALUES (1, -128, 255, -32768, 65535, -8388608, 16777215, -2147483648, 4294967295,
  -9223372036854775808, 18446744073709551615, 12345678.90, 1.5, 2.25, b'1', b'1000000001', TRUE,
  'ab', 'varchar', 'text é', 'café', 0x01020304, 0x0A0B, 0xDEADBEEF,
  '2026-11-22', '-838:59:59', '12:34:56.7', '12:34:56.789', '12:34:56.789123', '2026-11-22 10:11:12', '2026-11-22 10:11:12.345', '2026-11-22 10:11:12.345678',
  '2026-11-22 10:11:12', '2026-11-22 10:11:12.123456', 2026,
  'green', 'a,c', '{"k": [1, 2.5, "x", null, true]}', ST_GeomFromText('POINT(1 2)'), ST_GeomFromText('LINESTRING(0 0, 1 1)'));
INSERT INTO catalog.types (id) VALUES (2);
INSERT INTO catalog.types (id, c_tinyint, c_smallint, c_int, c_bigint, c_bigint_u, c_decimal, c_float, c_double,
  c_bit1, c_bit10, c_bool, c_char, c_varchar, c_text, c_latin1, c_binary, c_varbinary, c_blob,
  c_date, c_time, c_time1, c_time3, c_time6, c_datetime, c_datetime3, c_datetime6, c_timestamp, c_timestamp6, c_year,
  c_enum, c_set, c_json, c_point, c_geometry)
VALUES (10, 0, 0, 0, 0, 9223372036854775808, -0.05, -3.4e38, 1e-300,
  b'0', b'0000000000', FALSE, '', '', 'emoji 😀 tab\t cr\r quote" backslash\\ nul', 'ÿ€', 0x00, '', '',
  '0000-00-00', '00:00:00', '838:59:59', '-12:00:00.001', '24:00:00', '0000-00-00 00:00:00', '1970-01-01 00:00:00.001', '1900-01-01 00:00:00.000001',
  '1970-01-01 00:00:01', '2038-01-19 03:14:07.999999', 1901,
  'red', 'a,b,c', '[]', ST_GeomFromText('POINT(-1.5 1e10)', 3857), ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 0))'));
CREATE TABLE catalog.defaults (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  qty INT NOT NULL DEFAULT 7,
  price DECIMAL(8,3) DEFAULT 1.5,
  label VARCHAR(20) DEFAULT 'it''s',
  status ENUM('new','paid') NOT NULL DEFAULT 'new',
  ratio DOUBLE DEFAULT 0.25,
  small TINYINT UNSIGNED DEFAULT 200,
  created DATETIME DEFAULT '2020-02-02 02:02:02',
  day DATE DEFAULT '2020-02-02',
  flag BIT(1) DEFAULT b'1',
  note TEXT,
  moment6 DATETIME(6) DEFAULT '1969-12-31 23:59:59.999999',
  clock TIME(3) DEFAULT '23:59:59.999',
  span TIME DEFAULT '-838:59:59',
  landing DATE DEFAULT '1969-07-20'
);
INSERT INTO catalog.defaults (note) VALUES ('all defaults');
INSERT INTO catalog.defaults (qty, price, label, status, ratio, small, created, day, flag, note)
  VALUES (1, NULL, NULL, 'paid', NULL, NULL, NULL, NULL, NULL, NULL);
CREATE TABLE catalog.keyless (name VARCHAR(10), amount INT);
INSERT INTO catalog.keyless VALUES ('a', 1), ('b', 2), ('a', 1);
CREATE TABLE catalog.composite (region CHAR(2) NOT NULL, seq INT NOT NULL, body VARCHAR(40), PRIMARY KEY (region, seq));
INSERT INTO catalog.composite VALUES ('eu', 1, 'one'), ('eu', 2, 'two'), ('us', 1, 'three');
CREATE TABLE catalog.column_flags (
  id INT PRIMARY KEY,
  z INT(5) UNSIGNED ZEROFILL,
  zs SMALLINT ZEROFILL DEFAULT 7,
  g INT AS (z + 1) VIRTUAL,
  s INT AS (z * 2) STORED,
  created DATETIME DEFAULT CURRENT_TIMESTAMP,
  at TIMESTAMP NULL DEFAULT '2020-01-01 00:00:00',
  born DATE DEFAULT '1999-12-31',
  moment DATETIME(3) DEFAULT '2020-01-01 00:00:00.000'
);
