-- Flink SQL tables over the topics `tributary demo` writes (topic.prefix=brokerage, JSON without schemas,
-- decimal.handling.mode=string). Replace ${bootstrap.servers} with the broker the demo prints.
-- Each table reads its topic as a changelog: snapshot rows and inserts arrive as +I, updates as -U/+U, deletes as -D
-- (Flink refuses a PRIMARY KEY on a debezium-json table: it cannot guarantee one).

CREATE TABLE quotes (
  symbol STRING,
  price DECIMAL(12, 4)
) WITH (
  'connector' = 'kafka',
  'topic' = 'brokerage.brokerage.quotes',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'properties.group.id' = 'brokerage-analytics',
  'scan.startup.mode' = 'earliest-offset',
  'value.format' = 'debezium-json'
);

CREATE TABLE positions (
  account_id INT,
  symbol STRING,
  quantity DECIMAL(14, 2),
  avg_price DECIMAL(12, 4)
) WITH (
  'connector' = 'kafka',
  'topic' = 'brokerage.brokerage.positions',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'properties.group.id' = 'brokerage-analytics',
  'scan.startup.mode' = 'earliest-offset',
  'value.format' = 'debezium-json'
);

CREATE TABLE trades (
  id BIGINT,
  account_id INT,
  symbol STRING,
  side STRING,
  quantity DECIMAL(14, 2),
  price DECIMAL(12, 4)
) WITH (
  'connector' = 'kafka',
  'topic' = 'brokerage.brokerage.trades',
  'properties.bootstrap.servers' = '${bootstrap.servers}',
  'properties.group.id' = 'brokerage-analytics',
  'scan.startup.mode' = 'earliest-offset',
  'value.format' = 'debezium-json'
);
