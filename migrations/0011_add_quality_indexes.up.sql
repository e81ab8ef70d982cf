-- The data-quality panel's questions, each answered from a small index
-- rather than a pass over every province's rows (EXPLAIN ANALYZE over the
-- benchmark's 100,000 enterprises and 1,000,000 figures: the provisional
-- figures of a year read 100,000 rows for none found, the expiring
-- certificates every classification).
CREATE INDEX enterprise_figures_provisional_idx ON enterprise_figures (year, price_basis)
    WHERE status <> 'official';
CREATE INDEX classifications_valid_until_idx ON classifications (valid_until)
    WHERE valid_until IS NOT NULL;
