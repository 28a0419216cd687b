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
  c_date DATE, c_time TIME, c_time3 TIME(3), c_datetime DATETIME, c_datetime3 DATETIME(3), c_datetime6 DATETIME(6),
  c_timestamp TIMESTAMP NULL, c_timestamp6 TIMESTAMP(6) NULL, c_year YEAR,
  c_enum ENUM('red','green','blue'), c_set SET('a','b','c'), c_json JSON, c_point POINT, c_geometry GEOMETRY
);
INSERT INTO catalog.types VALUES (1, -128, 255, -32768, 65535, -8388608, 16777215, -2147483648, 4294967295,
  -9223372036854775808, 18446744073709551615, 12345678.90, 1.5, 2.25, b'1', b'1000000001', TRUE,
  'ab', 'varchar', 'text é', 'café', 0x01020304, 0x0A0B, 0xDEADBEEF,
  '2026-11-22', '-838:59:59', '12:34:56.789', '2026-11-22 10:11:12', '2026-11-22 10:11:12.345', '2026-11-22 10:11:12.345678',
  '2026-11-22 10:11:12', '2026-11-22 10:11:12.123456', 2026,
  'green', 'a,c', '{"k": [1, 2.5, "x", null, true]}', ST_GeomFromText('POINT(1 2)'), ST_GeomFromText('LINESTRING(0 0, 1 1)'));
INSERT INTO catalog.types (id) VALUES (2);
