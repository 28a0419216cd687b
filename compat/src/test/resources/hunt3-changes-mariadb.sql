CREATE TABLE hunt3.docs (id INT PRIMARY KEY, doc JSON, note JSON NOT NULL) DEFAULT CHARSET=latin1;
INSERT INTO hunt3.docs VALUES (1, '{"a": [1, 2, {"b": "é"}]}', '[]');
ALTER TABLE hunt3.docs ADD COLUMN extra JSON AFTER id;
INSERT INTO hunt3.docs VALUES (2, '{"x": null}', NULL, '"s"');
UPDATE hunt3.docs SET doc = JSON_SET(doc, '$.a[0]', 9) WHERE id = 1;
