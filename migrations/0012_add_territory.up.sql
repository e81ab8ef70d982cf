-- Time and place (DESIGN.md rules 11 and 12): provinces carry their kind,
-- the body that governs them and the province that took them over; units
-- formed on 01/07/2025 name the units they were formed from; a plan covers
-- a territory of units; an enterprise's location is dated, a history of
-- moves.

ALTER TABLE provinces
    ADD COLUMN kind           text CHECK (kind IN ('tinh', 'thanh_pho')),
    ADD COLUMN authority      text NOT NULL DEFAULT '' CHECK (length(authority) <= 200),
    ADD COLUMN successor_code text REFERENCES provinces (code) CHECK (successor_code <> code);

-- The units a unit was formed from: for each commune-level unit of
-- Hải Phòng formed from former Hải Dương, the old districts it draws on
-- (13 of the 64 draw on two or three).
CREATE TABLE area_origins (
    area_id   bigint NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
    origin_id bigint NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
    PRIMARY KEY (area_id, origin_id),
    CHECK (area_id <> origin_id)
);

-- A plan may be sample data, as a sample register may be: the sample of the
-- merged Hải Phòng carries a made-up plan, clearly labelled.
ALTER TABLE plans ADD COLUMN is_demo boolean NOT NULL DEFAULT false;

-- A plan's territory, whatever the day: the 12 old districts of Hải Dương
-- and the 64 communes formed from them cover the same land. A plan without
-- any covers its province whole.
CREATE TABLE plan_territory (
    plan_code text NOT NULL REFERENCES plans (code) ON DELETE CASCADE,
    area_id   bigint NOT NULL REFERENCES areas (id),
    PRIMARY KEY (plan_code, area_id)
);
CREATE INDEX plan_territory_area_idx ON plan_territory (area_id);

-- Where an enterprise was from a day on, until its next location begins.
-- Before its first location it has no area.
CREATE TABLE enterprise_locations (
    enterprise_id bigint NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
    since         date NOT NULL CHECK (since BETWEEN '1900-01-01' AND '2100-12-31'),
    area_id       bigint NOT NULL REFERENCES areas (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    bigint REFERENCES users (id),
    PRIMARY KEY (enterprise_id, since)
);
CREATE INDEX enterprise_locations_area_idx ON enterprise_locations (area_id, enterprise_id);

-- enterprises.area_id stays the latest location, for lists and forms; the
-- day it began is kept beside it. The store writes both from the history.
ALTER TABLE enterprises ADD COLUMN area_since date;
INSERT INTO enterprise_locations (enterprise_id, since, area_id)
    SELECT id, operating_since, area_id FROM enterprises WHERE area_id IS NOT NULL;
UPDATE enterprises SET area_since = operating_since WHERE area_id IS NOT NULL;
ALTER TABLE enterprises ADD CONSTRAINT enterprises_area_since_check
    CHECK ((area_id IS NULL) = (area_since IS NULL));

-- Hải Dương's districts as seeded before were named by made-up codes; they
-- take their GSO codes (HAI-DUONG-2025.md §3), as every unit seeded now.
UPDATE areas a SET code = v.gso, version = a.version + 1, updated_at = now()
FROM (VALUES ('hai_duong', '288'), ('chi_linh', '290'), ('nam_sach', '291'), ('kinh_mon', '292'),
    ('kim_thanh', '293'), ('thanh_ha', '294'), ('cam_giang', '295'), ('binh_giang', '296'),
    ('gia_loc', '297'), ('tu_ky', '298'), ('ninh_giang', '299'), ('thanh_mien', '300')) AS v (slug, gso)
WHERE a.province_code = 'HD' AND a.code = v.slug
    AND NOT EXISTS (SELECT 1 FROM areas b WHERE b.province_code = 'HD' AND b.code = v.gso);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['area_origins', 'plan_territory', 'enterprise_locations']
    LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
            FOR EACH STATEMENT EXECUTE FUNCTION register_changed()', t || '_changed', t);
    END LOOP;
END;
$$;
