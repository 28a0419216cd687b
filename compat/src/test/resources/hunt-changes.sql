INSERT INTO hunt.ckey VALUES ('b', '2026-01-01 00:00:00.000002', UNHEX('0102030405060708090A0B0C0D0E0F10'), 3),
  ('c', '2026-01-01 00:00:00', UNHEX('0102030405060708090A0B0C0D0E0F11'), 4);
UPDATE hunt.ckey SET tag = UNHEX('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF'), v = 20 WHERE name = 'Straße';
UPDATE hunt.ckey SET at = '2026-01-01 00:00:00.100000' WHERE name IN ('b', 'c');
DELETE FROM hunt.ckey WHERE name = '';
UPDATE hunt.nonunique SET b = 'w' WHERE a = 1;
DELETE FROM hunt.nonunique WHERE a IS NULL;
INSERT INTO hunt.charsets SELECT id + 10, l1, l2, m3, asc1, vbin, ch, ch_l1, bch, tx_l1, cp1251, koi8r, greek, sjis, gbk, big5, euckr,
  ucs2, utf32, utf16le, hebrew, tis620, cp850, latin7, ch_mb4, en FROM hunt.charsets;
UPDATE hunt.charsets SET l1 = 'Ærø', ch = 'é', ch_l1 = 'ü', bch = 'ä', cp1251 = 'Ё', greek = 'Ω', sjis = '漢字', utf32 = '𝄞', en = 'ćma' WHERE id = 2;
DELETE FROM hunt.charsets WHERE id = 3;
REPLACE INTO hunt.nums (id, d65, f, t6, b64) VALUES (0, 1.5, 2.5, '-12:00:00.5', b'101');
REPLACE INTO hunt.nums (id, d65) VALUES (42, -42.000000000000000000000000000042);
INSERT INTO hunt.nums (id, d65, mu) VALUES (0, 7, 7) ON DUPLICATE KEY UPDATE d65 = d65 + 1, mu = VALUES(mu) + 1;
INSERT INTO hunt.nums (id, iz) VALUES (43, 5) ON DUPLICATE KEY UPDATE iz = 6;
UPDATE hunt.nums SET id = 44, dz = 0.001 WHERE id = 9223372036854775808;
UPDATE hunt.nums SET t0 = '-838:59:59', t2 = '838:59:58.99', dt6 = '0000-00-00 00:00:00', y = 2000 WHERE id = 18446744073709551615;
UPDATE hunt.lists SET e = 'Ab', s = 'y,x,y', s64 = 'm02,m63' WHERE id = 1;
UPDATE hunt.lists SET e = NULL, s = NULL, s64 = '' WHERE id = 5;
INSERT INTO hunt.lists VALUES (6, 'a b', 'Ü,z,y,x', 'm10,m20,m30,m40,m50,m60');
DELETE FROM hunt.lists WHERE id = 2;
UPDATE hunt.big SET t = CONCAT(t, '😀'), b = REPEAT(x'ABCD', 150000), tt = NULL WHERE id = 1;
INSERT INTO hunt.big VALUES (2, REPEAT('a', 65536), x'00', '', x'00');
DELETE FROM hunt.big WHERE id = 1;
INSERT INTO hunt.bulk SELECT a.n * 1000 + b.n * 100 + c.n * 10 + d.n, REPEAT(CHAR(65 + d.n), 10 + c.n * 5),
  '2026-01-01 00:00:00.001' FROM hunt.digits a, hunt.digits b, hunt.digits c, hunt.digits d WHERE a.n < 3;
UPDATE hunt.bulk SET s = CONCAT(s, '!') WHERE id % 7 = 0;
BEGIN;
DELETE FROM hunt.bulk WHERE id >= 2500;
INSERT INTO hunt.parent VALUES (3, 'p3', 0);
UPDATE hunt.bulk SET dt = '2026-01-02 00:00:00.999' WHERE id < 10;
COMMIT;
UPDATE hunt.parent p JOIN hunt.child c ON c.parent_id = p.id SET p.total = p.total + c.qty, c.qty = c.qty * 10 WHERE p.id = 1;
DELETE hunt.parent, hunt.child FROM hunt.parent JOIN hunt.child ON hunt.child.parent_id = hunt.parent.id WHERE hunt.parent.id = 2;
TRUNCATE TABLE hunt.child;
INSERT INTO hunt.child VALUES (9, 1, 1);
