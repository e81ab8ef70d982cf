-- Reference lists: provinces and their dated areas, industrial zones, VSIC
-- divisions of the industry sections B–E, categories and product groups.

CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE provinces (
    code        text PRIMARY KEY CHECK (code ~ '^[A-Z]{2,3}$'),
    name        text NOT NULL CHECK (btrim(name) <> ''),
    name_en     text NOT NULL DEFAULT '',
    valid_from  date,
    valid_until date,
    CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from)
);

-- District-level units until 30/06/2025, communes after (DOMAIN.md §4).
CREATE TABLE areas (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    province_code text NOT NULL REFERENCES provinces (code),
    code          text NOT NULL CHECK (code ~ '^[a-z0-9_-]{1,64}$'),
    name          text NOT NULL CHECK (btrim(name) <> ''),
    kind          text NOT NULL CHECK (kind IN ('thanh_pho', 'thi_xa', 'huyen', 'phuong', 'xa', 'dac_khu')),
    valid_from    date,
    valid_until   date,
    UNIQUE (province_code, code),
    CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from)
);

-- Industrial parks (KCN) and clusters (CCN).
CREATE TABLE industrial_zones (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    province_code text NOT NULL REFERENCES provinces (code),
    area_id       bigint REFERENCES areas (id),
    code          text NOT NULL CHECK (code ~ '^[a-z0-9_-]{1,64}$'),
    name          text NOT NULL CHECK (btrim(name) <> ''),
    kind          text NOT NULL CHECK (kind IN ('kcn', 'ccn')),
    UNIQUE (province_code, code)
);

CREATE TABLE vsic_sections (
    code    text PRIMARY KEY CHECK (code IN ('B', 'C', 'D', 'E')),
    name    text NOT NULL,
    name_en text NOT NULL
);

CREATE TABLE vsic_divisions (
    code    text PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
    section text NOT NULL REFERENCES vsic_sections (code),
    name    text NOT NULL,
    name_en text NOT NULL
);

CREATE TABLE categories (
    code    text PRIMARY KEY CHECK (code IN ('supporting', 'high_tech', 'advanced_tech', 'new_tech', 'clean_tech', 'large_assembly')),
    name    text NOT NULL,
    name_en text NOT NULL,
    sort    int NOT NULL
);

CREATE TABLE product_groups (
    code          text PRIMARY KEY CHECK (code ~ '^[a-z0-9_]{1,64}$'),
    name          text NOT NULL CHECK (btrim(name) <> ''),
    name_en       text NOT NULL DEFAULT '',
    kind          text NOT NULL CHECK (kind IN ('psip_sector', 'priority_product')),
    category_code text REFERENCES categories (code),
    sort          int NOT NULL DEFAULT 0
);
