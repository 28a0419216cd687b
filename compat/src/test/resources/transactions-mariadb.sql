-- a table that a rollback cannot undo: the server logs ROLLBACK TO / ROLLBACK statements for it
CREATE TABLE orm.audit (id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(40)) ENGINE=Aria TRANSACTIONAL=0;
