-- CASCADE drops the triggers that run the function.
DROP FUNCTION register_changed() CASCADE;
DROP TABLE register_state;
