INSERT INTO edges.shapes (small, note, u) VALUES (8, 'streamed', 'ffeeddcc-0000-1111-8888-0123456789ab');
-- created while streaming, with a TEXT default the DDL reader leaves to the server's description: MariaDB's
-- information_schema writes TIMESTAMP defaults in the session's time zone, Debezium takes them as written
CREATE TABLE edges.zoned (id INT PRIMARY KEY, note TEXT DEFAULT 'n',
  tc TIMESTAMP NOT NULL DEFAULT '2021-01-01 00:00:00', t3 TIMESTAMP(3) NULL DEFAULT '2020-06-01 12:00:00.250');
INSERT INTO edges.zoned (id) VALUES (1);
