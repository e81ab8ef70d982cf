-- Signing in: failed attempts per email address and client address, kept
-- whether or not an account has the email (so the growing delay reveals
-- nothing about which accounts exist), an epoch every session carries (so
-- raising it ends all of a user's sessions at once), and whether the user
-- must replace a password someone else chose before doing anything else.
CREATE TABLE login_failures (
    email          text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
    addr           text NOT NULL CHECK (length(addr) <= 64),
    failures       int NOT NULL CHECK (failures >= 0),
    last_failed_at timestamptz NOT NULL,
    PRIMARY KEY (email, addr)
);
CREATE INDEX login_failures_last_idx ON login_failures (last_failed_at);

ALTER TABLE users
    ADD COLUMN last_login_at        timestamptz,
    ADD COLUMN session_epoch        int NOT NULL DEFAULT 1 CHECK (session_epoch > 0),
    ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
