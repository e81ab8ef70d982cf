DROP INDEX audit_log_enterprise_idx;
DROP INDEX enterprises_operating_since_idx;
DROP INDEX enterprises_search_order_idx;
DROP INDEX enterprises_search_trgm_idx;
ALTER TABLE enterprises DROP COLUMN search_text;
DROP FUNCTION f_unaccent(text);
DROP EXTENSION IF EXISTS pg_trgm;
