-- Signing in: consecutive failed attempts per email address, whether or
-- not an account has it (so the growing delay reveals nothing about which
-- accounts exist), and an epoch every session carries, so raising it ends
-- all of a user's sessions at once.
CREATE TABLE login_failures (
    email          text PRIMARY KEY CHECK (email = lower(email) AND length(email) <= 254),
    failures       int NOT NULL CHECK (failures > 0),
    last_failed_at timestamptz NOT NULL
);

ALTER TABLE users
    ADD COLUMN last_login_at timestamptz,
    ADD COLUMN session_epoch int NOT NULL DEFAULT 1 CHECK (session_epoch > 0);
