-- Plans, the categories each counts, and their targets.

CREATE TABLE plans (
    code          text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9_-]{1,32}$'),
    province_code text NOT NULL REFERENCES provinces (code),
    name          text NOT NULL CHECK (btrim(name) <> ''),
    name_en       text NOT NULL DEFAULT '',
    decision_no   text NOT NULL DEFAULT '',
    decision_date date,
    baseline_year int NOT NULL CHECK (baseline_year BETWEEN 1990 AND 2100),
    version       int NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE plan_categories (
    plan_code     text NOT NULL REFERENCES plans (code) ON DELETE CASCADE,
    category_code text NOT NULL REFERENCES categories (code),
    PRIMARY KEY (plan_code, category_code)
);

-- A count is a whole number; a share a fraction between 0 and 1.
CREATE TABLE plan_targets (
    plan_code text NOT NULL REFERENCES plans (code) ON DELETE CASCADE,
    metric    text NOT NULL CHECK (metric IN ('enterprise_count', 'output_share')),
    year      int NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    value     numeric(12, 4) NOT NULL CHECK (value >= 0),
    PRIMARY KEY (plan_code, metric, year),
    CHECK (metric <> 'output_share' OR value <= 1),
    CHECK (metric <> 'enterprise_count' OR value = trunc(value))
);

-- A target lies after its plan's baseline year.
CREATE FUNCTION plan_targets_after_baseline() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM plans WHERE code = NEW.plan_code AND baseline_year < NEW.year) THEN
        RAISE EXCEPTION 'target year % is not after the baseline year of plan %', NEW.year, NEW.plan_code
            USING ERRCODE = 'check_violation', CONSTRAINT = 'plan_targets_after_baseline';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER plan_targets_after_baseline
    BEFORE INSERT OR UPDATE ON plan_targets
    FOR EACH ROW EXECUTE FUNCTION plan_targets_after_baseline();
