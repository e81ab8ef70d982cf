DROP TABLE province_outputs;
DROP TABLE enterprise_figures;
DROP TABLE classifications;
DROP TABLE enterprises;
