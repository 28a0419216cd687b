INSERT INTO ukeys.created_late_key VALUES (3, 3);
UPDATE ukeys.created_late_key SET a = 4 WHERE a = 1;
DELETE FROM ukeys.created_late_key WHERE a = 2;
