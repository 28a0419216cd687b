UPDATE catalog.types SET c_int = 5, c_text = 'changed "quotes" \\ and\nnewline', c_datetime6 = '1969-12-31 23:59:59.999999',
  c_time = '838:59:59', c_time1 = '24:00:00', c_time6 = '24:00:00.000001' WHERE id = 1;
DELETE FROM catalog.types WHERE id = 2;
INSERT INTO catalog.types (id, c_time, c_timestamp6, c_binary, c_set, c_enum) VALUES (3, '-00:00:01.5', '2000-01-01 00:00:00.100000', 0x01, '', 'blue');
UPDATE catalog.types SET id = 4 WHERE id = 3;
UPDATE catalog.keyless SET amount = 3 WHERE name = 'a';
DELETE FROM catalog.keyless WHERE name = 'b';
INSERT INTO catalog.defaults (qty) VALUES (2), (3), (4);
UPDATE catalog.composite SET seq = seq + 10 WHERE region = 'eu';
BEGIN; INSERT INTO catalog.composite VALUES ('xx', 1, NULL); DELETE FROM catalog.defaults WHERE qty = 3; COMMIT;
INSERT INTO catalog.types (id, c_time, c_time1, c_time3, c_time6, c_date, c_datetime, c_datetime3, c_datetime6) VALUES
  (20, '-00:00:01', '-00:00:00.5', '-12:00:00.001', '-838:59:58.999999',
    '1969-12-31', '1969-12-31 23:59:59', '1960-06-15 12:00:00.999', '1900-01-01 00:00:00.000001'),
  (21, '00:00:01', '-01:02:03.9', '-00:00:00.999', '-00:00:00.000001',
    '0000-00-00', '2021-02-00 10:00:00', '0000-00-00 00:00:00', '1582-10-04 23:59:59.999999'),
  (22, '-00:00:00', '00:00:00.1', '23:59:59.999', '838:59:58.999999',
    '0001-01-01', '0069-01-01 00:00:00', '9999-12-31 23:59:59.999', '1969-12-31 23:59:59.999999');
