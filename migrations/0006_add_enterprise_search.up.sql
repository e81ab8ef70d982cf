-- Searching and sorting the enterprise list at 100,000 enterprises:
-- accent-insensitive search on name and tax code ("hai duong" finds
-- "Hải Dương", "d" finds "Đ"), answered by a trigram index, and an index
-- for each order the list offers.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (its dictionary could change), so it cannot
-- appear in a generated column or an index; this wrapper names the
-- dictionary and its schema outright and promises the result never changes
-- for the same input. unaccent's rules fold Đ/đ to D/d.
CREATE FUNCTION f_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- The name without accents in lower case, then the tax code: what a search
-- matches, and (collated byte-wise) the order "by name" sorts in.
ALTER TABLE enterprises
    ADD COLUMN search_text text COLLATE "C"
    GENERATED ALWAYS AS (lower(f_unaccent(name)) || ' ' || tax_code) STORED;

CREATE INDEX enterprises_search_trgm_idx ON enterprises USING gin (search_text gin_trgm_ops);
CREATE INDEX enterprises_search_order_idx ON enterprises (search_text, id);
CREATE INDEX enterprises_operating_since_idx ON enterprises (operating_since, id);

-- The history of an enterprise's classifications and figures, found by the
-- enterprise they belong to.
CREATE INDEX audit_log_enterprise_idx ON audit_log ((details ->> 'enterprise_id'), at)
    WHERE entity IN ('classification', 'figure');
