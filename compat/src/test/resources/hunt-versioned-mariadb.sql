CREATE TABLE hunt.versioned (id INT PRIMARY KEY, v VARCHAR(10)) WITH SYSTEM VERSIONING;
INSERT INTO hunt.versioned VALUES (1, 'a'), (2, 'b');
