package model

type message struct{ vi, en string }

// messages holds every validation message, in Vietnamese and English. The
// %-verbs are filled from FieldError.Args.
var messages = map[string]message{
	"invalid":  {"giá trị không hợp lệ", "invalid value"},
	"required": {"bắt buộc phải nhập", "is required"},
	"too_long": {"dài quá %d ký tự", "longer than %d characters"},

	"tax_code_chars":       {"mã số thuế chỉ gồm chữ số (10 số, hoặc 10 số - 3 số cho chi nhánh); có ký tự lạ %q", "a tax code has digits only (10, or 10-3 for a branch); found %q"},
	"tax_code_length":      {"mã số thuế phải có 10 chữ số (hoặc 13 với chi nhánh), đang có %d", "a tax code has 10 digits (13 for a branch), not %d"},
	"tax_code_sequence":    {"mã số thuế không hợp lệ: chữ số thứ 3 đến 9 không được đều là 0", "invalid tax code: digits 3 to 9 cannot all be 0"},
	"tax_code_branch_zero": {"mã chi nhánh (3 số cuối) không được là 000", "a branch suffix cannot be 000"},
	"tax_code_no_check":    {"mã số thuế không hợp lệ: 9 chữ số đầu %s không thể có chữ số kiểm tra", "invalid tax code: the first nine digits %s admit no check digit"},
	"tax_code_check_digit": {"sai chữ số kiểm tra: chữ số thứ 10 phải là %d, không phải %d", "wrong check digit: the 10th digit must be %d, not %d"},

	"date_format":   {"ngày %q không đúng dạng dd/mm/yyyy, yyyy-mm-dd hoặc năm (yyyy)", "date %q is not dd/mm/yyyy, yyyy-mm-dd or a year (yyyy)"},
	"date_invalid":  {"ngày %q không có thật", "date %q does not exist"},
	"date_range":    {"năm phải trong khoảng %d–%d", "the year must be between %d and %d"},
	"date_before":   {"phải từ ngày %s trở đi", "must be on or after %s"},
	"ceased_before": {"ngày ngừng hoạt động phải sau ngày bắt đầu hoạt động (%s)", "the date it ceased must be after it began operating (%s)"},
	"until_before":  {"ngày hết hiệu lực phải từ ngày có hiệu lực (%s) trở đi", "valid until must be on or after valid from (%s)"},

	"number_format":    {"%q không phải là số (viết 1234,5 hoặc 1.234,5)", "%q is not a number (write 1234.5 or 1.234,5)"},
	"number_ambiguous": {"%q không rõ nghĩa: viết %s nếu là số nguyên, hoặc %s nếu có phần thập phân", "%q is ambiguous: write %s for a whole number, or %s (with a decimal comma) for a fraction"},
	"number_negative":  {"không được âm", "cannot be negative"},
	"number_decimals":  {"tối đa %d chữ số thập phân", "at most %d decimal places"},
	"number_too_large": {"số quá lớn", "the number is too large"},
	"integer_format":   {"%q không phải là số nguyên", "%q is not a whole number"},
	"year_range":       {"năm phải trong khoảng %d–%d", "the year must be between %d and %d"},
	"share_range":      {"tỷ lệ phải từ 0 đến 1 (ví dụ 0,35 cho 35 %%)", "a share is between 0 and 1 (0.35 for 35 %%)"},

	"category":     {"lĩnh vực %q không có; chọn một trong: supporting, high_tech, advanced_tech, new_tech, clean_tech, large_assembly", "unknown category %q; use one of supporting, high_tech, advanced_tech, new_tech, clean_tech, large_assembly"},
	"ownership":    {"loại hình %q không có; chọn state, private hoặc fdi", "unknown ownership %q; use state, private or fdi"},
	"price_basis":  {"loại giá %q không có; chọn current, const2010 hoặc const2020", "unknown price basis %q; use current, const2010 or const2020"},
	"status":       {"tình trạng số liệu %q không có; chọn estimate, preliminary hoặc official", "unknown figure status %q; use estimate, preliminary or official"},
	"metric":       {"chỉ tiêu %q không có; chọn enterprise_count hoặc output_share", "unknown metric %q; use enterprise_count or output_share"},
	"role":         {"vai trò %q không có; chọn viewer, editor hoặc admin", "unknown role %q; use viewer, editor or admin"},
	"vsic":         {"mã ngành %q phải gồm 2 đến 5 chữ số thuộc ngành B, C, D hoặc E (05–39)", "industry code %q must be 2 to 5 digits within sections B, C, D or E (05–39)"},
	"code_format":  {"mã %q chỉ gồm chữ cái, chữ số, '-' và '_'", "code %q may hold only letters, digits, '-' and '_'"},
	"province":     {"mã tỉnh %q phải gồm 2–3 chữ cái in hoa", "province code %q must be 2–3 capital letters"},
	"email":        {"địa chỉ thư %q không hợp lệ", "email address %q is not valid"},
	"target_after": {"năm mục tiêu phải sau năm gốc %d", "the target year must be after the baseline year %d"},

	// Admin forms (plans and reference lists).
	"percent_range": {"tỷ lệ phần trăm phải từ 0 đến 100 (ví dụ 35 hoặc 35%%)", "a percentage is between 0 and 100 (35 or 35%%)"},
	"ref_code":      {"mã %q chỉ gồm các ký tự %s, không dấu, không khoảng trắng (tối đa 64 ký tự)", "code %q may hold only %s, without accents or spaces (at most 64 characters)"},
	"kind":          {"loại %q không có; chọn một trong: %s", "unknown kind %q; use one of %s"},

	// Import files (internal/importer).
	"import_not_utf8":                  {"tệp không phải văn bản UTF-8 (byte lỗi đầu tiên ở dòng %d): trong Excel chọn Lưu thành → \"CSV UTF-8 (Comma delimited)\" rồi nhập lại", "the file is not UTF-8 text (first bad byte on line %d): in Excel choose Save As → \"CSV UTF-8 (Comma delimited)\" and import again"},
	"import_csv_syntax":                {"không đọc được dòng CSV (%s); kiểm tra dấu ngoặc kép", "cannot read the CSV line (%s); check the double quotes"},
	"import_too_large":                 {"tệp lớn hơn %d MB; hãy chia thành nhiều tệp", "the file is larger than %d MB; split it into several files"},
	"import_too_many_rows":             {"tệp có hơn %d dòng dữ liệu; hãy chia thành nhiều tệp", "the file has more than %d data rows; split it into several files"},
	"import_no_header":                 {"tệp trống: không có dòng tiêu đề", "the file is empty: it has no header row"},
	"import_unknown_kind":              {"không nhận ra loại tệp từ dòng tiêu đề: tệp doanh nghiệp cần các cột tax_code, name, operating_since; tệp chứng nhận cần tax_code, category, valid_from; tệp số liệu cần tax_code, year, production_value; tệp giá trị toàn ngành của tỉnh cần province, year, production_value", "cannot tell the kind of file from its header row: an enterprises file needs the columns tax_code, name, operating_since; classifications need tax_code, category, valid_from; figures need tax_code, year, production_value; province output needs province, year, production_value"},
	"import_sheet_kind":                {"trang tính %q không phải một loại dữ liệu nhập: đặt tên là enterprises, classifications, figures hoặc province_output", "sheet %q is not a kind of import: name it enterprises, classifications, figures or province_output"},
	"import_unknown_column":            {"cột %q không có trong mẫu tệp %s", "column %q is not part of the %s file"},
	"import_duplicate_column":          {"cột %q lặp lại cột thứ %d", "column %q repeats column %d"},
	"import_missing_column":            {"thiếu cột bắt buộc %s (%s)", "the required column %s (%s) is missing"},
	"import_unnamed_column":            {"cột thứ %d có dữ liệu nhưng không có tiêu đề", "column %d holds data but has no header"},
	"import_duplicate_enterprise":      {"trùng mã số thuế với dòng %d của tệp %s", "the same tax code as row %d of %s"},
	"import_duplicate_classification":  {"trùng mã số thuế, lĩnh vực và ngày hiệu lực với dòng %d của tệp %s", "the same tax code, category and valid_from as row %d of %s"},
	"import_duplicate_figure":          {"trùng mã số thuế, năm và loại giá với dòng %d của tệp %s", "the same tax code, year and price basis as row %d of %s"},
	"import_duplicate_province_output": {"trùng tỉnh, năm và loại giá với dòng %d của tệp %s", "the same province, year and price basis as row %d of %s"},
	"import_unknown_tax_code":          {"mã số thuế %s chưa có trong sổ đăng ký và không có trong tệp doanh nghiệp", "tax code %s is neither in the register nor in an enterprises file of this import"},
	"import_unknown_province":          {"không có tỉnh %q; nhập mã (ví dụ HD) hoặc tên (ví dụ Hải Dương)", "no province %q; give its code (HD) or name (Hải Dương)"},
	"import_unknown_area":              {"không có địa bàn %q ở tỉnh %s; nhập mã (ví dụ cam_giang) hoặc tên đầy đủ (ví dụ Huyện Cẩm Giàng)", "no area %q in province %s; give its code (cam_giang) or full name (Huyện Cẩm Giàng)"},
	"import_unknown_zone":              {"không có khu/cụm công nghiệp %q ở tỉnh %s; nhập mã (ví dụ kcn_dai_an) hoặc tên đầy đủ (ví dụ KCN Đại An)", "no industrial zone %q in province %s; give its code (kcn_dai_an) or full name (KCN Đại An)"},
	"import_unknown_product_group":     {"không có nhóm sản phẩm %q; nhập mã (ví dụ co_khi) hoặc tên (ví dụ Cơ khí chế tạo)", "no product group %q; give its code (co_khi) or name (Cơ khí chế tạo)"},
	"import_ambiguous_name":            {"tên %q ứng với nhiều mục (%s); hãy nhập mã", "the name %q matches several entries (%s); give the code"},

	// Spreadsheet files as a whole (internal/importer, xlsx*.go).
	"import_not_spreadsheet":  {"tệp không phải bảng tính: chỉ nhận tệp Excel (.xlsx) hoặc CSV UTF-8 (.csv)", "the file is not a spreadsheet: only Excel (.xlsx) and CSV UTF-8 (.csv) files are accepted"},
	"import_not_xlsx":         {"tệp nén này không phải sổ làm việc Excel (.xlsx): hãy mở bằng Excel và Lưu thành → Sổ làm việc Excel (.xlsx)", "this zip file is not an Excel workbook (.xlsx): open it in Excel and Save As → Excel Workbook (.xlsx)"},
	"import_xls_old":          {"tệp Excel 97–2003 (.xls) không được hỗ trợ: hãy mở bằng Excel và Lưu thành → Sổ làm việc Excel (.xlsx) hoặc CSV UTF-8", "Excel 97–2003 files (.xls) are not supported: open it in Excel and Save As → Excel Workbook (.xlsx) or CSV UTF-8"},
	"import_encrypted":        {"sổ làm việc được đặt mật khẩu nên không đọc được: trong Excel chọn Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hoá bằng mật khẩu, xoá mật khẩu, lưu rồi nhập lại", "the workbook is password-protected and cannot be read: in Excel choose File → Info → Protect Workbook → Encrypt with Password, clear the password, save and import again"},
	"import_macro":            {"tệp có macro (.xlsm) không được nhận vì lý do an toàn: hãy Lưu thành → Sổ làm việc Excel (.xlsx) rồi nhập lại", "files with macros (.xlsm) are refused for safety: Save As → Excel Workbook (.xlsx) and import again"},
	"import_zip_entries":      {"tệp XLSX có quá nhiều thành phần (%d, tối đa %d): đây không phải một bảng tính thông thường", "the XLSX file has too many parts (%d, at most %d): this is not an ordinary spreadsheet"},
	"import_unzip_too_large":  {"tệp XLSX khi giải nén lớn hơn %d MB: hãy chia thành nhiều tệp", "the XLSX file unpacks to more than %d MB: split it into several files"},
	"import_xlsx_broken":      {"không đọc được tệp XLSX (tệp hỏng hoặc không đúng định dạng): hãy mở bằng Excel, lưu lại rồi nhập lại", "cannot read the XLSX file (damaged or not in the expected format): open it in Excel, save it and import again"},
	"import_formula":          {"ô %s chứa công thức: tệp nhập phải chứa giá trị, không phải công thức; trong Excel chọn các ô, Sao chép rồi Dán đặc biệt → Giá trị", "cell %s holds a formula: an import must carry values, not formulas; in Excel select the cells, Copy, then Paste Special → Values"},
	"import_formulas":         {"ô %s và %d ô khác chứa công thức: tệp nhập phải chứa giá trị, không phải công thức; trong Excel chọn các ô, Sao chép rồi Dán đặc biệt → Giá trị", "cell %s and %d other cells hold formulas: an import must carry values, not formulas; in Excel select the cells, Copy, then Paste Special → Values"},
	"import_utf16":            {"tệp là văn bản Unicode UTF-16, không phải UTF-8: trong Excel chọn Lưu thành → \"CSV UTF-8 (Comma delimited)\" rồi nhập lại", "the file is UTF-16 Unicode text, not UTF-8: in Excel choose Save As → \"CSV UTF-8 (Comma delimited)\" and import again"},
	"import_no_sheets":        {"sổ làm việc không có trang tính nào có dữ liệu", "the workbook has no sheet with data"},
	"import_too_many_columns": {"ô %s nằm ngoài %d cột đầu tiên: bảng nhập không có nhiều cột như vậy", "cell %s lies beyond the first %d columns: no import has that many columns"},
	"import_empty_file":       {"tệp trống", "the file is empty"},
}
