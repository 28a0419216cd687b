-- Volume-weighted average price per instrument over every trade booked (cancelled trades drop out: a delete in
-- MySQL retracts the trade here too).
SELECT symbol, ROUND(SUM(price * quantity) / SUM(quantity), 4) AS vwap, SUM(quantity) AS volume
FROM trades
GROUP BY symbol
