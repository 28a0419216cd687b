RENAME TABLE apps.CustomerOrders TO apps.customer_orders;
INSERT INTO apps.customer_orders (OrderID, CustomerName) VALUES (13, 'Umbrella');
DROP TABLE apps.eav_store_value;
DROP TABLE IF EXISTS apps.import_batch_a, apps.import_batch_b, apps.never_created;
