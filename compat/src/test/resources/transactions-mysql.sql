-- a table that a rollback cannot undo
CREATE TABLE orm.audit (id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(40)) ENGINE=MyISAM;
