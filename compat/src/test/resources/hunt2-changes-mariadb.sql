UPDATE hunt2.mdb SET u = '2001db80-0000-0000-0000-ff0000428329', n = 'seen' WHERE id = 1;
INSERT INTO hunt2.mdb (id, u) VALUES (3, 'ffffffff-ffff-ffff-ffff-ffffffffffff');
DROP TABLE IF EXISTS hunt2.never_was, hunt2.never_either;
