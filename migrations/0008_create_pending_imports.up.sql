-- Uploads waiting for the person who previewed them to confirm: the file as
-- uploaded (kept here, never on the server's disk), its digest, and the
-- counts the preview showed, so the confirmation writes exactly what was
-- previewed or says that the register has changed since.
CREATE TABLE pending_imports (
    token      text PRIMARY KEY CHECK (token ~ '^[A-Za-z0-9_-]{32,64}$'),
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    file_name  text NOT NULL CHECK (length(file_name) <= 255),
    data       bytea NOT NULL,
    sha256     text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    counts     jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);
CREATE INDEX pending_imports_user_idx ON pending_imports (user_id);
CREATE INDEX pending_imports_expires_idx ON pending_imports (expires_at);
