ALTER TABLE users
    DROP COLUMN last_login_at,
    DROP COLUMN session_epoch,
    DROP COLUMN must_change_password;
DROP TABLE login_failures;
