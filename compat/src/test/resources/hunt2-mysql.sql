CREATE TABLE hunt2.instant (id INT PRIMARY KEY, a INT, z VARCHAR(10));
INSERT INTO hunt2.instant VALUES (1, 1, 'one'), (2, 2, 'two');
