-- Market value per account: every position at the latest quote of its instrument. A continuous query: each price
-- tick and each trade's position change updates the accounts concerned.
SELECT p.account_id, SUM(p.quantity * q.price) AS market_value
FROM positions AS p
JOIN quotes AS q ON p.symbol = q.symbol
GROUP BY p.account_id
