ALTER TABLE users
    DROP COLUMN last_login_at,
    DROP COLUMN session_epoch;
DROP TABLE login_failures;
