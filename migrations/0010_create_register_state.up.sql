-- The register's version: one number that every change to what the
-- dashboard counts raises, in the transaction of the change. A reader that
-- sees version N knows every write committed before it read N is counted in
-- whatever was computed at N or later, so the application may keep its
-- totals and breakdowns for N and never show stale numbers.
--
-- The trigger runs before each writing statement, so it holds the row's lock
-- before the statement locks any row of its own; the application's write
-- transactions also raise it first, so that all writers take the locks in
-- one order and cannot deadlock on it.
CREATE TABLE register_state (
    id      boolean PRIMARY KEY DEFAULT true CHECK (id),
    version bigint NOT NULL CHECK (version > 0)
);
INSERT INTO register_state (id, version) VALUES (true, 1);

CREATE FUNCTION register_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE register_state SET version = version + 1;
    RETURN NULL;
END;
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['provinces', 'areas', 'industrial_zones', 'vsic_sections', 'vsic_divisions',
        'categories', 'product_groups', 'plans', 'plan_categories', 'plan_targets', 'enterprises',
        'classifications', 'enterprise_figures', 'province_outputs']
    LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
            FOR EACH STATEMENT EXECUTE FUNCTION register_changed()', t || '_changed', t);
    END LOOP;
END;
$$;
