-- The interface language each user chose; NULL until they choose, when the
-- browser's cookie (or Vietnamese) decides.
ALTER TABLE users ADD COLUMN lang text CHECK (lang IN ('vi', 'en'));
