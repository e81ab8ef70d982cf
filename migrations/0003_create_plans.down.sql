DROP TABLE plan_targets;
DROP FUNCTION plan_targets_after_baseline();
DROP TABLE plan_categories;
DROP TABLE plans;
