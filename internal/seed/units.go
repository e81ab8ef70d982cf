package seed

// unit is one administrative unit as the General Statistics Office lists it.
type unit struct {
	code string   // GSO code: 3 digits for a district-level unit, 5 for a commune-level one
	name string   // the bare name without its kind word, NFC: "Cẩm Giàng", "Việt Hòa"
	kind string   // thanh_pho, thi_xa, huyen, phuong, xa or dac_khu
	from []string // units formed on 01/07/2025 out of former Hải Dương: GSO codes of the old districts (of hdDistricts) they draw on, in the order of the source table
}

// hdDistricts: the 12 district-level units of Hải Dương until 30/06/2025
// (province code 30), with their GSO codes, as HAI-DUONG-2025.md §3 gives
// them from the GSO commune list (dvhcvn/20250701) and DOMAIN.md §4.1 types
// them: 2 thành phố, 1 thị xã, 9 huyện.
var hdDistricts = []unit{
	{code: "288", name: "Hải Dương", kind: "thanh_pho"},
	{code: "290", name: "Chí Linh", kind: "thanh_pho"},
	{code: "291", name: "Nam Sách", kind: "huyen"},
	{code: "292", name: "Kinh Môn", kind: "thi_xa"},
	{code: "293", name: "Kim Thành", kind: "huyen"},
	{code: "294", name: "Thanh Hà", kind: "huyen"},
	{code: "295", name: "Cẩm Giàng", kind: "huyen"},
	{code: "296", name: "Bình Giang", kind: "huyen"},
	{code: "297", name: "Gia Lộc", kind: "huyen"},
	{code: "298", name: "Tứ Kỳ", kind: "huyen"},
	{code: "299", name: "Ninh Giang", kind: "huyen"},
	{code: "300", name: "Thanh Miện", kind: "huyen"},
}

// formerHDUnits: the 64 commune-level units (21 phường, 43 xã) formed from
// former Hải Dương on 01/07/2025, by Nghị quyết 1669/NQ-UBTVQH15 (16/06/2025)
// khoản 25–45 and 70–112, with the 5-digit codes of Công văn 1027/CTK-CSCL
// Phụ lục I (rows 1072–1135), in that list's order, as transcribed in the
// §1 table of HAI-DUONG-2025.md. from is that table's "Former district(s)"
// column: the districts of the old communes each unit was formed from.
var formerHDUnits = []unit{
	{code: "10525", name: "Hải Dương", kind: "phuong", from: []string{"288"}},
	{code: "10532", name: "Lê Thanh Nghị", kind: "phuong", from: []string{"288"}},
	{code: "10543", name: "Việt Hòa", kind: "phuong", from: []string{"288", "295"}},
	{code: "10507", name: "Thành Đông", kind: "phuong", from: []string{"288"}},
	{code: "10837", name: "Nam Đồng", kind: "phuong", from: []string{"288"}},
	{code: "10537", name: "Tân Hưng", kind: "phuong", from: []string{"288"}},
	{code: "11002", name: "Thạch Khôi", kind: "phuong", from: []string{"288", "297"}},
	{code: "10891", name: "Tứ Minh", kind: "phuong", from: []string{"288", "295"}},
	{code: "10660", name: "Ái Quốc", kind: "phuong", from: []string{"288", "294"}},
	{code: "10549", name: "Chu Văn An", kind: "phuong", from: []string{"290"}},
	{code: "10546", name: "Chí Linh", kind: "phuong", from: []string{"290"}},
	{code: "10570", name: "Trần Hưng Đạo", kind: "phuong", from: []string{"290"}},
	{code: "10552", name: "Nguyễn Trãi", kind: "phuong", from: []string{"290"}},
	{code: "10573", name: "Trần Nhân Tông", kind: "phuong", from: []string{"290"}},
	{code: "10603", name: "Lê Đại Hành", kind: "phuong", from: []string{"290"}},
	{code: "10675", name: "Kinh Môn", kind: "phuong", from: []string{"292"}},
	{code: "10744", name: "Nguyễn Đại Năng", kind: "phuong", from: []string{"292"}},
	{code: "10729", name: "Trần Liễu", kind: "phuong", from: []string{"292"}},
	{code: "10678", name: "Bắc An Phụ", kind: "phuong", from: []string{"290", "292"}},
	{code: "10726", name: "Phạm Sư Mạnh", kind: "phuong", from: []string{"292"}},
	{code: "10714", name: "Nhị Chiểu", kind: "phuong", from: []string{"292"}},
	{code: "10705", name: "Nam An Phụ", kind: "xa", from: []string{"291", "292", "293"}},
	{code: "10606", name: "Nam Sách", kind: "xa", from: []string{"291"}},
	{code: "10642", name: "Thái Tân", kind: "xa", from: []string{"291"}},
	{code: "10615", name: "Hợp Tiến", kind: "xa", from: []string{"291"}},
	{code: "10633", name: "Trần Phú", kind: "xa", from: []string{"291"}},
	{code: "10645", name: "An Phú", kind: "xa", from: []string{"291"}},
	{code: "10813", name: "Thanh Hà", kind: "xa", from: []string{"294"}},
	{code: "10846", name: "Hà Tây", kind: "xa", from: []string{"294"}},
	{code: "10816", name: "Hà Bắc", kind: "xa", from: []string{"294"}},
	{code: "10843", name: "Hà Nam", kind: "xa", from: []string{"293", "294"}},
	{code: "10882", name: "Hà Đông", kind: "xa", from: []string{"294"}},
	{code: "10888", name: "Cẩm Giang", kind: "xa", from: []string{"295"}},
	{code: "10909", name: "Tuệ Tĩnh", kind: "xa", from: []string{"295"}},
	{code: "10930", name: "Mao Điền", kind: "xa", from: []string{"295"}},
	{code: "10903", name: "Cẩm Giàng", kind: "xa", from: []string{"295"}},
	{code: "10945", name: "Kẻ Sặt", kind: "xa", from: []string{"296"}},
	{code: "10966", name: "Bình Giang", kind: "xa", from: []string{"296"}},
	{code: "10972", name: "Đường An", kind: "xa", from: []string{"296"}},
	{code: "10993", name: "Thượng Hồng", kind: "xa", from: []string{"296", "300"}},
	{code: "10999", name: "Gia Lộc", kind: "xa", from: []string{"297"}},
	{code: "11020", name: "Yết Kiêu", kind: "xa", from: []string{"297"}},
	{code: "11050", name: "Gia Phúc", kind: "xa", from: []string{"297"}},
	{code: "11065", name: "Trường Tân", kind: "xa", from: []string{"297", "300"}},
	{code: "11074", name: "Tứ Kỳ", kind: "xa", from: []string{"298"}},
	{code: "11113", name: "Tân Kỳ", kind: "xa", from: []string{"298"}},
	{code: "11086", name: "Đại Sơn", kind: "xa", from: []string{"294", "298"}},
	{code: "11131", name: "Chí Minh", kind: "xa", from: []string{"298"}},
	{code: "11140", name: "Lạc Phượng", kind: "xa", from: []string{"298"}},
	{code: "11146", name: "Nguyên Giáp", kind: "xa", from: []string{"298"}},
	{code: "11203", name: "Ninh Giang", kind: "xa", from: []string{"299"}},
	{code: "11164", name: "Vĩnh Lại", kind: "xa", from: []string{"299"}},
	{code: "11224", name: "Khúc Thừa Dụ", kind: "xa", from: []string{"299"}},
	{code: "11167", name: "Tân An", kind: "xa", from: []string{"299"}},
	{code: "11218", name: "Hồng Châu", kind: "xa", from: []string{"299"}},
	{code: "11239", name: "Thanh Miện", kind: "xa", from: []string{"300"}},
	{code: "11254", name: "Bắc Thanh Miện", kind: "xa", from: []string{"300"}},
	{code: "11257", name: "Hải Hưng", kind: "xa", from: []string{"300"}},
	{code: "11242", name: "Nguyễn Lương Bằng", kind: "xa", from: []string{"296", "300"}},
	{code: "11284", name: "Nam Thanh Miện", kind: "xa", from: []string{"300"}},
	{code: "10750", name: "Phú Thái", kind: "xa", from: []string{"292", "293"}},
	{code: "10756", name: "Lai Khê", kind: "xa", from: []string{"291", "293", "294"}},
	{code: "10792", name: "An Thành", kind: "xa", from: []string{"293"}},
	{code: "10804", name: "Kim Thành", kind: "xa", from: []string{"293"}},
}

// oldHPUnits: the 50 commune-level units (24 phường, 24 xã, 2 đặc khu) formed
// from old Hải Phòng on 01/07/2025, by Nghị quyết 1669/NQ-UBTVQH15, with the
// codes of Công văn 1027/CTK-CSCL Phụ lục I (rows 1022–1071), in that list's
// order, as transcribed in §2 of HAI-DUONG-2025.md. None draws on former
// Hải Dương, so from is empty.
var oldHPUnits = []unit{
	{code: "11560", name: "Thủy Nguyên", kind: "phuong"},
	{code: "11557", name: "Thiên Hương", kind: "phuong"},
	{code: "11533", name: "Hòa Bình", kind: "phuong"},
	{code: "11542", name: "Nam Triệu", kind: "phuong"},
	{code: "11473", name: "Bạch Đằng", kind: "phuong"},
	{code: "11488", name: "Lưu Kiếm", kind: "phuong"},
	{code: "11506", name: "Lê Ích Mộc", kind: "phuong"},
	{code: "11311", name: "Hồng Bàng", kind: "phuong"},
	{code: "11602", name: "Hồng An", kind: "phuong"},
	{code: "11329", name: "Ngô Quyền", kind: "phuong"},
	{code: "11359", name: "Gia Viên", kind: "phuong"},
	{code: "11383", name: "Lê Chân", kind: "phuong"},
	{code: "11407", name: "An Biên", kind: "phuong"},
	{code: "11413", name: "Hải An", kind: "phuong"},
	{code: "11411", name: "Đông Hải", kind: "phuong"},
	{code: "11443", name: "Kiến An", kind: "phuong"},
	{code: "11446", name: "Phù Liễn", kind: "phuong"},
	{code: "11737", name: "Nam Đồ Sơn", kind: "phuong"},
	{code: "11455", name: "Đồ Sơn", kind: "phuong"},
	{code: "11689", name: "Hưng Đạo", kind: "phuong"},
	{code: "11692", name: "Dương Kinh", kind: "phuong"},
	{code: "11581", name: "An Dương", kind: "phuong"},
	{code: "11617", name: "An Hải", kind: "phuong"},
	{code: "11593", name: "An Phong", kind: "phuong"},
	{code: "11674", name: "An Hưng", kind: "xa"},
	{code: "11668", name: "An Khánh", kind: "xa"},
	{code: "11647", name: "An Quang", kind: "xa"},
	{code: "11635", name: "An Trường", kind: "xa"},
	{code: "11629", name: "An Lão", kind: "xa"},
	{code: "11680", name: "Kiến Thụy", kind: "xa"},
	{code: "11725", name: "Kiến Minh", kind: "xa"},
	{code: "11749", name: "Kiến Hải", kind: "xa"},
	{code: "11728", name: "Kiến Hưng", kind: "xa"},
	{code: "11713", name: "Nghi Dương", kind: "xa"},
	{code: "11761", name: "Quyết Thắng", kind: "xa"},
	{code: "11755", name: "Tiên Lãng", kind: "xa"},
	{code: "11779", name: "Tân Minh", kind: "xa"},
	{code: "11791", name: "Tiên Minh", kind: "xa"},
	{code: "11806", name: "Chấn Hưng", kind: "xa"},
	{code: "11809", name: "Hùng Thắng", kind: "xa"},
	{code: "11824", name: "Vĩnh Bảo", kind: "xa"},
	{code: "11911", name: "Nguyễn Bỉnh Khiêm", kind: "xa"},
	{code: "11887", name: "Vĩnh Am", kind: "xa"},
	{code: "11875", name: "Vĩnh Hải", kind: "xa"},
	{code: "11848", name: "Vĩnh Hòa", kind: "xa"},
	{code: "11836", name: "Vĩnh Thịnh", kind: "xa"},
	{code: "11842", name: "Vĩnh Thuận", kind: "xa"},
	{code: "11503", name: "Việt Khê", kind: "xa"},
	{code: "11914", name: "Cát Hải", kind: "dac_khu"},
	{code: "11948", name: "Bạch Long Vĩ", kind: "dac_khu"},
}
