UPDATE hunt.mdb SET j = JSON_SET(j, '$.added', 'ü'), u = '123e4567-e89b-12d3-a456-426614174000' WHERE id = 1;
INSERT INTO hunt.mdb VALUES (4, '{"a": null}', 'ab000000-0000-0000-0000-0000000000cd', 'x');
DELETE FROM hunt.mdb WHERE id = 2;
UPDATE hunt.zf SET dz = 0.001, iz = 1, bz = 9223372036854775808 WHERE id = 3;
