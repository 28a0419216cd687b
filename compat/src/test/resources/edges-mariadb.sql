CREATE TABLE edges.shapes (
  id INT(6) UNSIGNED ZEROFILL NOT NULL AUTO_INCREMENT,
  small TINYINT(3) ZEROFILL, dec_z DECIMAL(8,2) ZEROFILL, f_z FLOAT ZEROFILL,
  total INT AS (small * 2) VIRTUAL, stored_total INT AS (small * 3) STORED,
  hidden_note VARCHAR(10) INVISIBLE DEFAULT 'h',
  note VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_swedish_ci COMMENT 'a ''quoted'' comment',
  b BOOLEAN DEFAULT TRUE, j JSON, u UUID, bl MEDIUMBLOB, tx TINYTEXT CHARACTER SET ascii,
  PRIMARY KEY (id)
) COMMENT 'shapes of columns';
INSERT INTO edges.shapes (small, dec_z, f_z, note, b, j, u, bl, tx) VALUES
  (7, 12.5, 1.25, 'café', FALSE, '{"a": [1, 2]}', '123e4567-e89b-12d3-a456-426614174000', x'00ff', 'plain');
