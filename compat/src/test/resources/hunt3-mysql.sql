-- MySQL 8.0.30+'s generated invisible primary keys: a table created without a key under
-- sql_generate_invisible_primary_key gets an invisible my_row_id BIGINT UNSIGNED AUTO_INCREMENT primary key
SET SESSION sql_generate_invisible_primary_key = ON;
CREATE TABLE hunt3.gipk (a INT, note VARCHAR(10));
INSERT INTO hunt3.gipk (a, note) VALUES (1, 'one'), (2, 'two'), (3, 'three');
SET SESSION sql_generate_invisible_primary_key = OFF;
