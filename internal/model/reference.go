package model

import "time"

// Province is a provincial-level unit, dated because units merge
// (Hải Dương joined Hải Phòng on 01/07/2025).
type Province struct {
	Code       string
	Name       string
	NameEN     string
	Kind       string // tinh or thanh_pho; empty when not known
	ValidFrom  *time.Time
	ValidUntil *time.Time
	// Authority is the people's committee that governs the province
	// ("UBND tỉnh Hải Dương"); empty for one derived from Kind and Name.
	Authority string
	// SuccessorCode is the province that took it over when it ended
	// ("HP" for HD from 01/07/2025); empty when none.
	SuccessorCode string
}

// Province kinds: a province (tỉnh) or a centrally governed city (thành
// phố).
const (
	ProvinceKindProvince = "tinh"
	ProvinceKindCity     = "thanh_pho"
)

// Label names the province with its kind, as Vietnamese prose does:
// "tỉnh Hải Dương", "thành phố Hải Phòng".
func (p Province) Label() string {
	switch p.Kind {
	case ProvinceKindCity:
		return "thành phố " + p.Name
	case ProvinceKindProvince:
		return "tỉnh " + p.Name
	}
	return p.Name
}

// AuthorityName is the body that governs the province: its Authority, or
// "UBND " and its Label.
func (p Province) AuthorityName() string {
	if p.Authority != "" {
		return p.Authority
	}
	return "UBND " + p.Label()
}

// EndedBefore reports whether the province no longer existed on day.
func (p Province) EndedBefore(day time.Time) bool {
	return p.ValidUntil != nil && DayOf(*p.ValidUntil).Before(DayOf(day))
}

// Area is a unit inside a province (a district-level unit before
// 01/07/2025, a commune after), valid for a period.
type Area struct {
	ID           int64
	ProvinceCode string
	Code         string // the GSO code for the units seeded (5 digits for a commune)
	Name         string // with its kind word: "Xã Cẩm Giàng"
	Kind         string // thanh_pho, thi_xa, huyen, phuong, xa, dac_khu
	ValidFrom    *time.Time
	ValidUntil   *time.Time
	// Origins are the units it was formed from (the old districts a
	// commune of 01/07/2025 draws on), by id.
	Origins []int64
}

// ValidOn reports whether the unit existed on day.
func (a Area) ValidOn(day time.Time) bool {
	d := DayOf(day)
	return (a.ValidFrom == nil || !DayOf(*a.ValidFrom).After(d)) && (a.ValidUntil == nil || !DayOf(*a.ValidUntil).Before(d))
}

// AbolishedBy reports whether the unit had ended before day.
func (a Area) AbolishedBy(day time.Time) bool {
	return a.ValidUntil != nil && DayOf(*a.ValidUntil).Before(DayOf(day))
}

// Location says where an enterprise was from a day on, until its next
// location begins (DESIGN.md rule 11).
type Location struct {
	EnterpriseID int64
	AreaID       int64
	Since        time.Time
}

// Zone is an industrial park (KCN) or cluster (CCN).
type Zone struct {
	ID           int64
	ProvinceCode string
	Code         string
	Name         string
	Kind         string // kcn or ccn
}

// VSICDivision is a two-digit division of the industry sections B–E.
type VSICDivision struct {
	Code    string
	Section string
	Name    string
	NameEN  string
}

// CategoryInfo names a category.
type CategoryInfo struct {
	Code   Category
	Name   string
	NameEN string
}

// ProductGroup is a group of products a classification may name: one of the
// six supporting-industry sectors or a plan's priority product.
type ProductGroup struct {
	Code     string
	Name     string
	NameEN   string
	Kind     string   // psip_sector or priority_product
	Category Category // the category it belongs to, if one
}

// Plan is an industrial-development plan whose targets the dashboard tracks.
type Plan struct {
	Code         string
	ProvinceCode string
	Name         string
	NameEN       string
	DecisionNo   string
	DecisionDate *time.Time
	BaselineYear int
	Categories   []Category
	Targets      []Target
	// Territory lists the units the plan covers, by id; a plan without any
	// covers its province whole (rule 11).
	Territory []int64
	// Report is what the plan's printed report carries besides its figures.
	Report ReportSettings
	// Demo marks a sample plan, made up for demonstrations.
	Demo    bool
	Version int32
}

// ReportSettings is what a plan's printed report carries besides its
// figures, in the layout of Decree 30/2020/NĐ-CP, as an administrator sets
// it: the symbol after its number, its recipients and who signs it.
type ReportSettings struct {
	Symbol string // after the number: "BC-SCT" makes "Số: 12/BC-SCT"
	// Recipients are the lines under "Nơi nhận:", without their dash:
	// "UBND thành phố (để báo cáo);", the last "Lưu: VT, QLCN.".
	Recipients []string
	// SignerAuthority is how the signer signs when not the head: "KT.
	// GIÁM ĐỐC" (on behalf of the director); "" when the head signs.
	SignerAuthority string
	SignerTitle     string // "PHÓ GIÁM ĐỐC"
	SignerName      string // "" leaves the name to be written by hand
}

// DefaultReportSymbol is the symbol of a report of a Department (Sở) of
// Industry and Trade.
const DefaultReportSymbol = "BC-SCT"

// DefaultSignerTitle is who signs a report when nobody else is named: the
// Department's director.
const DefaultSignerTitle = "GIÁM ĐỐC"

// Target is a value a plan aims for in a year. An enterprise count is a whole
// number; a share is a fraction (0.35).
type Target struct {
	Metric Metric
	Year   int
	Value  float64
}

// User is a person who signs in.
type User struct {
	ID           int64
	Email        string
	Name         string
	Role         Role
	PasswordHash string
	DisabledAt   *time.Time
	CreatedAt    time.Time
	LastLoginAt  *time.Time
	// SessionEpoch is carried by every session of the user; raising it ends
	// them all.
	SessionEpoch int32
	// MustChangePassword is set while the password is one someone else
	// chose (a first password); the user must replace it before anything
	// else.
	MustChangePassword bool
	// Lang is the interface language the user chose; empty until they do.
	Lang    Lang
	Version int32
}

// Can reports whether the user's role allows what need requires: an admin
// may do what an editor may, and an editor what a viewer may.
func (u User) Can(need Role) bool {
	return u.DisabledAt == nil && roleRank(u.Role) >= roleRank(need) && roleRank(need) > 0
}

func roleRank(r Role) int {
	switch r {
	case RoleViewer:
		return 1
	case RoleEditor:
		return 2
	case RoleAdmin:
		return 3
	}
	return 0
}

// AuditEntry records one change: who, when, what and to which record.
type AuditEntry struct {
	ID       int64
	At       time.Time
	UserID   *int64
	Action   string // create, update, delete, import, seed, ...
	Entity   string // enterprise, classification, figure, ...
	EntityID string
	Details  map[string]any
}

// VSICSection is one of the industry sections B, C, D and E, whose sum is
// "the whole industry" in Vietnamese statistics (DOMAIN.md §1.2).
type VSICSection struct {
	Code   string
	Name   string
	NameEN string
}
