package seed

import "industrytargets/internal/model"

// The divisions of the industry sections in VSIC 2018 (Decision
// 27/2018/QĐ-TTg). Section C's names are those of DOMAIN.md §1.2 with the
// ISIC Rev.4 English titles; the names of the divisions of B, D and E are
// taken from the same decision's Appendix I and are not in DOMAIN.md.
var divisions = []model.VSICDivision{
	{Code: "05", Section: "B", Name: "Khai thác than cứng và than non", NameEN: "Mining of coal and lignite"},
	{Code: "06", Section: "B", Name: "Khai thác dầu thô và khí đốt tự nhiên", NameEN: "Extraction of crude petroleum and natural gas"},
	{Code: "07", Section: "B", Name: "Khai thác quặng kim loại", NameEN: "Mining of metal ores"},
	{Code: "08", Section: "B", Name: "Khai khoáng khác", NameEN: "Other mining and quarrying"},
	{Code: "09", Section: "B", Name: "Hoạt động dịch vụ hỗ trợ khai khoáng", NameEN: "Mining support service activities"},
	{Code: "10", Section: "C", Name: "Sản xuất, chế biến thực phẩm", NameEN: "Manufacture of food products"},
	{Code: "11", Section: "C", Name: "Sản xuất đồ uống", NameEN: "Manufacture of beverages"},
	{Code: "12", Section: "C", Name: "Sản xuất sản phẩm thuốc lá", NameEN: "Manufacture of tobacco products"},
	{Code: "13", Section: "C", Name: "Dệt", NameEN: "Manufacture of textiles"},
	{Code: "14", Section: "C", Name: "Sản xuất trang phục", NameEN: "Manufacture of wearing apparel"},
	{Code: "15", Section: "C", Name: "Sản xuất da và các sản phẩm có liên quan", NameEN: "Manufacture of leather and related products"},
	{Code: "16", Section: "C", Name: "Chế biến gỗ và sản xuất sản phẩm từ gỗ, tre, nứa (trừ giường, tủ, bàn, ghế); sản xuất sản phẩm từ rơm, rạ và vật liệu tết bện", NameEN: "Manufacture of wood and of products of wood and cork, except furniture; manufacture of articles of straw and plaiting materials"},
	{Code: "17", Section: "C", Name: "Sản xuất giấy và sản phẩm từ giấy", NameEN: "Manufacture of paper and paper products"},
	{Code: "18", Section: "C", Name: "In, sao chép bản ghi các loại", NameEN: "Printing and reproduction of recorded media"},
	{Code: "19", Section: "C", Name: "Sản xuất than cốc, sản phẩm dầu mỏ tinh chế", NameEN: "Manufacture of coke and refined petroleum products"},
	{Code: "20", Section: "C", Name: "Sản xuất hoá chất và sản phẩm hoá chất", NameEN: "Manufacture of chemicals and chemical products"},
	{Code: "21", Section: "C", Name: "Sản xuất thuốc, hoá dược và dược liệu", NameEN: "Manufacture of basic pharmaceutical products and pharmaceutical preparations"},
	{Code: "22", Section: "C", Name: "Sản xuất sản phẩm từ cao su và plastic", NameEN: "Manufacture of rubber and plastics products"},
	{Code: "23", Section: "C", Name: "Sản xuất sản phẩm từ khoáng phi kim loại khác", NameEN: "Manufacture of other non-metallic mineral products"},
	{Code: "24", Section: "C", Name: "Sản xuất kim loại", NameEN: "Manufacture of basic metals"},
	{Code: "25", Section: "C", Name: "Sản xuất sản phẩm từ kim loại đúc sẵn (trừ máy móc, thiết bị)", NameEN: "Manufacture of fabricated metal products, except machinery and equipment"},
	{Code: "26", Section: "C", Name: "Sản xuất sản phẩm điện tử, máy vi tính và sản phẩm quang học", NameEN: "Manufacture of computer, electronic and optical products"},
	{Code: "27", Section: "C", Name: "Sản xuất thiết bị điện", NameEN: "Manufacture of electrical equipment"},
	{Code: "28", Section: "C", Name: "Sản xuất máy móc, thiết bị chưa được phân vào đâu", NameEN: "Manufacture of machinery and equipment n.e.c."},
	{Code: "29", Section: "C", Name: "Sản xuất ô tô và xe có động cơ khác", NameEN: "Manufacture of motor vehicles, trailers and semi-trailers"},
	{Code: "30", Section: "C", Name: "Sản xuất phương tiện vận tải khác", NameEN: "Manufacture of other transport equipment"},
	{Code: "31", Section: "C", Name: "Sản xuất giường, tủ, bàn, ghế", NameEN: "Manufacture of furniture"},
	{Code: "32", Section: "C", Name: "Công nghiệp chế biến, chế tạo khác", NameEN: "Other manufacturing"},
	{Code: "33", Section: "C", Name: "Sửa chữa, bảo dưỡng và lắp đặt máy móc và thiết bị", NameEN: "Repair and installation of machinery and equipment"},
	{Code: "35", Section: "D", Name: "Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hoà không khí", NameEN: "Electricity, gas, steam and air conditioning supply"},
	{Code: "36", Section: "E", Name: "Khai thác, xử lý và cung cấp nước", NameEN: "Water collection, treatment and supply"},
	{Code: "37", Section: "E", Name: "Thoát nước và xử lý nước thải", NameEN: "Sewerage"},
	{Code: "38", Section: "E", Name: "Hoạt động thu gom, xử lý và tiêu huỷ rác thải; tái chế phế liệu", NameEN: "Waste collection, treatment and disposal activities; materials recovery"},
	{Code: "39", Section: "E", Name: "Xử lý ô nhiễm và hoạt động quản lý chất thải khác", NameEN: "Remediation activities and other waste management services"},
}
