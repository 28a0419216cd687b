CREATE TABLE catalog.mysql_types (
  id INT PRIMARY KEY,
  j JSON,
  hidden INT INVISIBLE DEFAULT 9,
  u VARCHAR(36) DEFAULT (uuid()),
  expr INT DEFAULT (1 + 1),
  j_default JSON DEFAULT (JSON_ARRAY(1, 'a')),
  ts TIMESTAMP,
  ts_nn TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  ts3_nn TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  y YEAR, y_nn YEAR NOT NULL DEFAULT 1999,
  bit64 BIT(64), bit3 BIT(3) DEFAULT b'101',
  p4326 POINT SRID 4326, p0 POINT NOT NULL SRID 0, mp MULTIPOLYGON, gc GEOMETRYCOLLECTION, ls LINESTRING,
  c_ai VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci,
  c_as CHAR(3) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_as_cs,
  c_bin VARCHAR(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
  c_mb3 VARCHAR(10) CHARACTER SET utf8mb3,
  c_utf16 VARCHAR(10) CHARACTER SET utf16,
  c_cp1250 VARCHAR(10) CHARACTER SET cp1250,
  c_enum ENUM('małe', 'DUŻE') CHARACTER SET utf8mb4,
  f_u FLOAT UNSIGNED, dec_u DECIMAL(6,2) UNSIGNED,
  gen_v INT AS (expr * 2) VIRTUAL, gen_s VARCHAR(40) AS (CONCAT(c_ai, '!')) STORED
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
INSERT INTO catalog.mysql_types (id, j, hidden, u, ts, ts_nn, ts3_nn, y, bit64, p4326, p0, mp, gc, ls, c_ai, c_as,
    c_bin, c_mb3, c_utf16, c_cp1250, c_enum, f_u, dec_u)
  VALUES (1, '{"b": {"c": [1, 2.5e0, -3, 18446744073709551615, "s\\"q"]}, "a": null, "t": true, "d": 1.50}', 4,
    'fixed', '2026-11-22 10:11:12', '2026-11-22 10:11:12', '2026-11-22 10:11:12.345', 2026, b'1111111111111111111111111111111111111111111111111111111111111111',
    ST_GeomFromText('POINT(52.2 21.0)', 4326), ST_GeomFromText('POINT(1 2)'),
    ST_GeomFromText('MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((2 2,3 2,3 3,2 2)))'),
    ST_GeomFromText('GEOMETRYCOLLECTION(POINT(1 1),LINESTRING(0 0,1 1))'), ST_GeomFromText('LINESTRING(0 0,1 1,2 0)'),
    'Zażółć 😀', 'ÄbC', 'bin', 'mb3 ł', 'utf16 ż', 'ąść', 'DUŻE', 1.25, 12.5);
INSERT INTO catalog.mysql_types (id, p0) VALUES (2, ST_GeomFromText('POINT(0 0)'));
INSERT INTO catalog.mysql_types (id, j, p0, y, bit64) VALUES (3, '[]', ST_GeomFromText('POINT(0 0)'), 0, b'0');
