-- What a plan's printed report carries besides its figures, in the layout
-- of Decree 30/2020/NĐ-CP, as an administrator sets it on the plan: the
-- symbol after the report's number (the number itself is given when the
-- report is issued), its recipients, and who signs it.
ALTER TABLE plans
    ADD COLUMN report_symbol    text NOT NULL DEFAULT 'BC-SCT' CHECK (length(report_symbol) <= 40),
    ADD COLUMN report_recipients text[] NOT NULL DEFAULT '{}' CHECK (cardinality(report_recipients) <= 30),
    ADD COLUMN signer_authority text NOT NULL DEFAULT '' CHECK (length(signer_authority) <= 100),
    ADD COLUMN signer_title     text NOT NULL DEFAULT 'GIÁM ĐỐC' CHECK (length(signer_title) <= 100),
    ADD COLUMN signer_name      text NOT NULL DEFAULT '' CHECK (length(signer_name) <= 100);
