UPDATE areas a SET code = v.slug
FROM (VALUES ('hai_duong', '288'), ('chi_linh', '290'), ('nam_sach', '291'), ('kinh_mon', '292'),
    ('kim_thanh', '293'), ('thanh_ha', '294'), ('cam_giang', '295'), ('binh_giang', '296'),
    ('gia_loc', '297'), ('tu_ky', '298'), ('ninh_giang', '299'), ('thanh_mien', '300')) AS v (slug, gso)
WHERE a.province_code = 'HD' AND a.code = v.gso;
ALTER TABLE enterprises DROP CONSTRAINT enterprises_area_since_check;
ALTER TABLE enterprises DROP COLUMN area_since;
DROP TABLE enterprise_locations;
DROP TABLE plan_territory;
ALTER TABLE plans DROP COLUMN is_demo;
DROP TABLE area_origins;
ALTER TABLE provinces DROP COLUMN successor_code, DROP COLUMN authority, DROP COLUMN kind;
