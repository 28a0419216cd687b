UPDATE ukeys.uk_functional SET v = 3 WHERE code = 'Zed';
DELETE FROM ukeys.uk_functional WHERE code = 'alf';
UPDATE ukeys.uk_invisible_pk SET v = 3 WHERE code = 'a';
DELETE FROM ukeys.uk_invisible_pk WHERE code = 'b';
