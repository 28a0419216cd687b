RENAME TABLE apps.CustomerOrders TO apps.customer_orders;
INSERT INTO apps.customer_orders (OrderID, CustomerName) VALUES (13, 'Umbrella');
DROP TABLE apps.eav_store_value;
DROP TABLE IF EXISTS apps.import_batch_a, apps.import_batch_b, apps.never_created;
-- a DROP TABLE of tables in two databases: each database's events name its own tables in source.table; a table
-- whose database is dropped before capture reads its CREATE takes the server's character set
CREATE DATABASE apps_archive;
CREATE TABLE apps_archive.old_log (id INT PRIMARY KEY, line VARCHAR(80));
CREATE TABLE apps.scratch_a (id INT PRIMARY KEY);
CREATE TABLE apps.scratch_b (id INT PRIMARY KEY);
DROP TABLE apps.scratch_a, apps_archive.old_log, apps.scratch_b;
DROP DATABASE apps_archive;
