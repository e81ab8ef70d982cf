ALTER TABLE product_groups DROP COLUMN version, DROP COLUMN updated_at, DROP COLUMN updated_by;
ALTER TABLE industrial_zones DROP COLUMN version, DROP COLUMN updated_at, DROP COLUMN updated_by;
ALTER TABLE areas DROP COLUMN version, DROP COLUMN updated_at, DROP COLUMN updated_by;
