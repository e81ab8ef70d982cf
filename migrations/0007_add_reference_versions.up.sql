-- Administrators edit the reference lists from the web: each row carries a
-- version so two people editing the same row cannot silently overwrite one
-- another (optimistic locking, as the register does).
ALTER TABLE areas
    ADD COLUMN version    int NOT NULL DEFAULT 1 CHECK (version > 0),
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN updated_by bigint REFERENCES users (id);
ALTER TABLE industrial_zones
    ADD COLUMN version    int NOT NULL DEFAULT 1 CHECK (version > 0),
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN updated_by bigint REFERENCES users (id);
ALTER TABLE product_groups
    ADD COLUMN version    int NOT NULL DEFAULT 1 CHECK (version > 0),
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN updated_by bigint REFERENCES users (id);
