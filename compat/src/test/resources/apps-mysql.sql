-- MySQL's expression defaults on times, as Laravel's useCurrent() migrations and hand-written schemas give them: an
-- expression, (now()) or (CURRENT_TIMESTAMP), has no default to Debezium, where DEFAULT CURRENT_TIMESTAMP is the epoch
CREATE TABLE apps.jobs (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  queued_at datetime DEFAULT (now()),
  available_at timestamp NULL DEFAULT (CURRENT_TIMESTAMP),
  created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  run_on date DEFAULT (curdate())
);
INSERT INTO apps.jobs (id, queued_at, available_at, run_on) VALUES (1, '2026-01-01 00:00:00', '2026-01-01 00:00:01',
  '2026-01-02');
