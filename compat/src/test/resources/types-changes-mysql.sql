UPDATE catalog.mysql_types SET j = JSON_SET(j, '$.a', 'now', '$.n', 1), hidden = 5, c_ai = 'Ą' WHERE id = 1;
UPDATE catalog.mysql_types SET j = JSON_REMOVE(j, '$.b'), ts = NULL WHERE id = 1;
UPDATE catalog.mysql_types SET j = JSON_REPLACE(j, '$[0]', 1), y = 1901 WHERE id = 3;
UPDATE catalog.mysql_types SET j = JSON_ARRAY_APPEND(COALESCE(j, '[]'), '$', CAST('{"x": 1}' AS JSON)), bit64 = b'1' WHERE id = 2;
INSERT INTO catalog.mysql_types (id, j, p0, j_default, c_utf16) VALUES (4, '"just a string"', ST_GeomFromText('POINT(3 4)'), NULL, '');
INSERT INTO catalog.mysql_types (id, j, p0) VALUES (5, '9223372036854775807', ST_GeomFromText('POINT(3 4)'));
DELETE FROM catalog.mysql_types WHERE id = 4;
UPDATE catalog.mysql_types SET id = 6 WHERE id = 5;
