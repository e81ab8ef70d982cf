ALTER TABLE plans
    DROP COLUMN report_symbol,
    DROP COLUMN report_recipients,
    DROP COLUMN signer_authority,
    DROP COLUMN signer_title,
    DROP COLUMN signer_name;
