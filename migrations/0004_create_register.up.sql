-- The register: enterprises, their classifications and yearly figures, and
-- the provinces' total industrial output. Amounts are exact, in million VND
-- with three decimals (one thousand đồng).

CREATE TABLE enterprises (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tax_code         text NOT NULL UNIQUE CHECK (tax_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
    name             text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 500),
    name_en          text NOT NULL DEFAULT '' CHECK (length(name_en) <= 500),
    province_code    text NOT NULL REFERENCES provinces (code),
    ownership        text CHECK (ownership IN ('state', 'private', 'fdi')),
    investor_country text NOT NULL DEFAULT '' CHECK (length(investor_country) <= 500),
    area_id          bigint REFERENCES areas (id),
    zone_id          bigint REFERENCES industrial_zones (id),
    vsic             text CHECK (vsic ~ '^[0-9]{2,5}$'),
    vsic_division    text GENERATED ALWAYS AS (left(vsic, 2)) STORED REFERENCES vsic_divisions (code),
    operating_since  date NOT NULL CHECK (operating_since BETWEEN '1900-01-01' AND '2100-12-31'),
    ceased_on        date CHECK (ceased_on <= '2100-12-31'),
    employees        bigint CHECK (employees >= 0),
    is_demo          boolean NOT NULL DEFAULT false,
    version          int NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    created_by       bigint REFERENCES users (id),
    updated_by       bigint REFERENCES users (id),
    CHECK (ceased_on IS NULL OR ceased_on > operating_since)
);
CREATE INDEX enterprises_province_idx ON enterprises (province_code);
CREATE INDEX enterprises_area_idx ON enterprises (area_id);
CREATE INDEX enterprises_zone_idx ON enterprises (zone_id);
CREATE INDEX enterprises_demo_idx ON enterprises (is_demo) WHERE is_demo;

-- Matched on import by tax code + category + valid_from.
CREATE TABLE classifications (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    enterprise_id  bigint NOT NULL REFERENCES enterprises (id),
    category_code  text NOT NULL REFERENCES categories (code),
    product_group  text REFERENCES product_groups (code),
    valid_from     date NOT NULL CHECK (valid_from BETWEEN '1900-01-01' AND '2100-12-31'),
    valid_until    date CHECK (valid_until <= '2100-12-31'),
    certificate_no text NOT NULL DEFAULT '' CHECK (length(certificate_no) <= 500),
    version        int NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    created_by     bigint REFERENCES users (id),
    updated_by     bigint REFERENCES users (id),
    UNIQUE (enterprise_id, category_code, valid_from),
    CHECK (valid_until IS NULL OR valid_until >= valid_from)
);

-- Matched on import by tax code + year + price basis.
CREATE TABLE enterprise_figures (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    enterprise_id    bigint NOT NULL REFERENCES enterprises (id),
    year             int NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    price_basis      text NOT NULL DEFAULT 'current' CHECK (price_basis IN ('current', 'const2010', 'const2020')),
    production_value numeric(18, 3) NOT NULL CHECK (production_value >= 0),
    revenue          numeric(18, 3) CHECK (revenue >= 0),
    export_value     numeric(18, 3) CHECK (export_value >= 0),
    employees        bigint CHECK (employees >= 0),
    status           text NOT NULL DEFAULT 'official' CHECK (status IN ('estimate', 'preliminary', 'official')),
    version          int NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    created_by       bigint REFERENCES users (id),
    updated_by       bigint REFERENCES users (id),
    UNIQUE (enterprise_id, year, price_basis)
);
CREATE INDEX enterprise_figures_year_idx ON enterprise_figures (year, price_basis);

-- The whole industry's production value (VSIC sections B+C+D+E), matched on
-- import by province + year + price basis.
CREATE TABLE province_outputs (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    province_code    text NOT NULL REFERENCES provinces (code),
    year             int NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    price_basis      text NOT NULL DEFAULT 'current' CHECK (price_basis IN ('current', 'const2010', 'const2020')),
    production_value numeric(18, 3) NOT NULL CHECK (production_value >= 0),
    status           text NOT NULL DEFAULT 'official' CHECK (status IN ('estimate', 'preliminary', 'official')),
    source           text NOT NULL DEFAULT '' CHECK (length(source) <= 500),
    is_demo          boolean NOT NULL DEFAULT false,
    version          int NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    created_by       bigint REFERENCES users (id),
    updated_by       bigint REFERENCES users (id),
    UNIQUE (province_code, year, price_basis)
);
