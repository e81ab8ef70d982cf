DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['provinces', 'areas', 'industrial_zones', 'vsic_sections', 'vsic_divisions',
        'categories', 'product_groups', 'plans', 'plan_categories', 'plan_targets', 'enterprises',
        'classifications', 'enterprise_figures', 'province_outputs']
    LOOP
        EXECUTE format('DROP TRIGGER %I ON %I', t || '_changed', t);
    END LOOP;
END;
$$;
DROP FUNCTION register_changed();
DROP TABLE register_state;
