CREATE TABLE hunt.docs (
  id INT PRIMARY KEY, j JSON, tag VARCHAR(10) INVISIBLE DEFAULT 'inv', n INT AS (JSON_LENGTH(j)) VIRTUAL
);
INSERT INTO hunt.docs (id, j) VALUES
  (1, '{"unicode": "żółw 😀 \\u0000 \\u001f \\"q\\" \\\\ / \\t", "big": 123456789012345678901234567890, "neg": -9223372036854775808,
    "u64": 18446744073709551615, "f": 1.5e300, "tiny": 5e-324, "zero": -0.0, "deep": [[[[[[{"a": [1]}]]]]]], "": "empty key",
    "k\\"ey": null, "ints": [0, 1, -1, 32767, 32768, -32769, 65535, 65536, 2147483647, 2147483648, -2147483649, 4294967296],
    "dec": 0.1000, "exp": 1E2}'),
  (2, JSON_OBJECT('d', CAST('2020-01-02' AS DATE), 't', CAST('12:00:00.5' AS TIME(1)), 'dt', CAST('2020-01-02 03:04:05.678' AS DATETIME(3)),
    'dec', CAST(1.50 AS DECIMAL(5,2)), 'bin', CAST(x'00ff' AS BINARY), 'ts', CAST('2021-03-04 05:06:07' AS DATETIME))),
  (3, '"just a string"'), (4, 'true'), (5, 'null'), (6, '[]'), (7, '{}'), (8, '12.0'), (9, NULL), (10, '-0'),
  (11, CONCAT('[', REPEAT('"abcdefghij",', 7000), '1]')),
  (12, JSON_ARRAY(CAST(1e300 AS DOUBLE), CAST(18446744073709551615 AS UNSIGNED), CAST(-1 AS SIGNED), CAST('1.000000000000000000001' AS DECIMAL(30,21))));
