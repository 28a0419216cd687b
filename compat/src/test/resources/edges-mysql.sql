CREATE TABLE edges.shapes (
  id INT(6) UNSIGNED ZEROFILL NOT NULL AUTO_INCREMENT,
  small TINYINT(3) ZEROFILL, dec_z DECIMAL(8,2) ZEROFILL, f_z FLOAT ZEROFILL,
  total INT AS (small * 2) VIRTUAL, stored_total INT AS (small * 3) STORED,
  hidden_note VARCHAR(10) INVISIBLE DEFAULT 'h',
  note VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_swedish_ci COMMENT 'a ''quoted'' comment',
  b BOOLEAN DEFAULT TRUE, j JSON, u BINARY(16) DEFAULT (UUID_TO_BIN(UUID())), bl MEDIUMBLOB, tx TINYTEXT CHARACTER SET ascii,
  s_nl VARCHAR(20) DEFAULT 'a\nb\tc\0d', bin_lit VARBINARY(8) DEFAULT 'xy', ts_upd TIMESTAMP(2) NULL ON UPDATE CURRENT_TIMESTAMP(2),
  PRIMARY KEY (id)
) COMMENT 'shapes of columns';
INSERT INTO edges.shapes (small, dec_z, f_z, note, b, j, u, bl, tx) VALUES
  (7, 12.5, 1.25, 'café', FALSE, '{"a": [1, 2]}', UUID_TO_BIN('123e4567-e89b-12d3-a456-426614174000'), x'00ff', 'plain');
