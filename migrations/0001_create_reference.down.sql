DROP TABLE product_groups;
DROP TABLE categories;
DROP TABLE vsic_divisions;
DROP TABLE vsic_sections;
DROP TABLE industrial_zones;
DROP TABLE areas;
DROP TABLE provinces;
DROP EXTENSION IF EXISTS unaccent;
