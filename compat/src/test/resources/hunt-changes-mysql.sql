UPDATE hunt.docs SET j = JSON_SET(j, '$.added', 'ü', '$.ints[0]', 99) WHERE id = 1;
UPDATE hunt.docs SET j = JSON_REMOVE(j, '$.bin') WHERE id = 2;
UPDATE hunt.docs SET j = JSON_ARRAY_APPEND(j, '$', 'tail') WHERE id = 11;
UPDATE hunt.docs SET tag = 'seen', j = '{"b": 1, "a": 2}' WHERE id = 3;
INSERT INTO hunt.docs (id, j, tag) VALUES (20, JSON_OBJECT('nested', JSON_OBJECT('x', CAST('00:00:00.000001' AS TIME(6)))), 'v');
DELETE FROM hunt.docs WHERE id = 5;
