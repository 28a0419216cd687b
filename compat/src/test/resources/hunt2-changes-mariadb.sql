UPDATE hunt2.mdb SET u = '2001db80-0000-0000-0000-ff0000428329', n = 'seen' WHERE id = 1;
INSERT INTO hunt2.mdb (id, u) VALUES (3, 'ffffffff-ffff-ffff-ffff-ffffffffffff');
DROP TABLE IF EXISTS hunt2.never_was, hunt2.never_either;
-- the database's own character set again: a statement Debezium's parser reports nothing for
ALTER DATABASE hunt2 CHARACTER SET latin1;
