INSERT INTO edges.temporals SELECT id + 100, d, d_nn, d_nn0, dt, dt3, dt6, dt_nn, ts, ts1, ts3, ts6, y FROM edges.temporals;
INSERT INTO edges.temporals (id, d_nn0, y) VALUES (200, '2020-01-01', 0);
UPDATE edges.temporals SET d = '2021-02-00', dt = '0000-00-00 00:00:00', ts3 = '2024-02-29 23:59:59.000' WHERE id = 101;
DELETE FROM edges.temporals WHERE id = 102;
INSERT INTO edges.floats SELECT id + 100, f, f72, f30, f10, d, d102, r, fu FROM edges.floats;
UPDATE edges.floats SET f = 0.1, f72 = 0.1 WHERE id = 101;
INSERT INTO edges.enums SELECT id + 100, e, s, e_nn FROM edges.enums;
UPDATE edges.enums SET e = 'a', s = 'q r' WHERE id = 101;
INSERT INTO edges.defaults (id, dt_now, dt_now_nn, dt3_now, ts_now, ts_now_nn, u, dt_nn0)
  VALUES (101, '2020-01-01 00:00:00', '2020-01-01 00:00:00', '2020-01-01 00:00:00', '2020-01-01 00:00:00', '2020-01-01 00:00:00', 'fixed', '0000-00-00');
INSERT INTO edges.defaults SELECT id + 100, dt_now, dt_now_nn, dt3_now, ts_now, ts_now_nn, ts_lit, ts3_lit, vb, bn, bu, bs, i, dec52, s, s_bs,
    s_empty, s_utf, e, u, d0, d50, dt0, dt_nn0, t3, bit5, f, f72 FROM edges.defaults WHERE id = 2;
DELETE FROM edges.defaults WHERE id = 1;
CREATE TABLE edges.shapes2 (
  id INT(6) UNSIGNED ZEROFILL NOT NULL AUTO_INCREMENT PRIMARY KEY,
  total INT AS (LENGTH(note)) VIRTUAL, note VARCHAR(20) COMMENT 'c', d DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3)
);
INSERT INTO edges.shapes2 (note) VALUES ('x');
-- created while streaming: temporal defaults with fewer decimals than their column's, or none, kept as written
CREATE TABLE edges.fractions (id INT PRIMARY KEY, t6 TIMESTAMP(6) NULL DEFAULT '2020-06-01 12:00:00.5',
  d3 DATETIME(3) DEFAULT '2020-01-01 00:00:00', tm2 TIME(2) DEFAULT '10:00:00.1',
  -- more decimals than the column's: the server rounds them, Debezium cuts them
  r3 DATETIME(3) DEFAULT '2020-01-01 00:00:00.1235', r0 DATETIME DEFAULT '2020-01-01 00:00:00.6',
  rt TIME(1) DEFAULT '10:00:00.96');
INSERT INTO edges.fractions (id) VALUES (1);
