UPDATE hunt.versioned SET v = 'a2' WHERE id = 1;
DELETE FROM hunt.versioned WHERE id = 2;
INSERT INTO hunt.versioned VALUES (3, 'c');
