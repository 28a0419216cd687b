INSERT INTO edges.shapes (small, note, u) VALUES (8, 'streamed', UUID_TO_BIN('ffeeddcc-0000-1111-8888-0123456789ab'));
UPDATE edges.shapes SET note = 'touched' WHERE small = 7;
