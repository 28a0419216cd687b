INSERT INTO edges.shapes (small, note, u) VALUES (8, 'streamed', 'ffeeddcc-0000-1111-8888-0123456789ab');
