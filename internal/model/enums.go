// Package model holds the domain types of the register, their validation and
// the errors the rest of the program judges; it imports nothing of ours.
package model

// Category is a kind of enterprise a plan may count (DESIGN.md, import key
// `category`).
type Category string

// The six categories of the plan (PLAN-ARTICLE.md).
const (
	CategorySupporting    Category = "supporting"
	CategoryHighTech      Category = "high_tech"
	CategoryAdvancedTech  Category = "advanced_tech"
	CategoryNewTech       Category = "new_tech"
	CategoryCleanTech     Category = "clean_tech"
	CategoryLargeAssembly Category = "large_assembly"
)

// Categories lists every category in display order.
var Categories = []Category{
	CategorySupporting, CategoryHighTech, CategoryAdvancedTech,
	CategoryNewTech, CategoryCleanTech, CategoryLargeAssembly,
}

// Valid reports whether c is one of the six categories.
func (c Category) Valid() bool { return oneOf(c, Categories) }

// Ownership is an enterprise's form of ownership.
type Ownership string

// The ownership forms.
const (
	OwnershipState   Ownership = "state"
	OwnershipPrivate Ownership = "private"
	OwnershipFDI     Ownership = "fdi"
)

// Ownerships lists every ownership form.
var Ownerships = []Ownership{OwnershipState, OwnershipPrivate, OwnershipFDI}

// Valid reports whether o is a known ownership form.
func (o Ownership) Valid() bool { return oneOf(o, Ownerships) }

// PriceBasis names the prices a production value is measured in.
type PriceBasis string

// The price bases (DOMAIN.md §6).
const (
	BasisCurrent   PriceBasis = "current"
	BasisConst2010 PriceBasis = "const2010"
	BasisConst2020 PriceBasis = "const2020"
)

// PriceBases lists every price basis.
var PriceBases = []PriceBasis{BasisCurrent, BasisConst2010, BasisConst2020}

// Valid reports whether b is a known price basis.
func (b PriceBasis) Valid() bool { return oneOf(b, PriceBases) }

// FigureStatus says how final a figure is.
type FigureStatus string

// The figure statuses, from least to most final.
const (
	StatusEstimate    FigureStatus = "estimate"
	StatusPreliminary FigureStatus = "preliminary"
	StatusOfficial    FigureStatus = "official"
)

// FigureStatuses lists every figure status.
var FigureStatuses = []FigureStatus{StatusEstimate, StatusPreliminary, StatusOfficial}

// Valid reports whether s is a known figure status.
func (s FigureStatus) Valid() bool { return oneOf(s, FigureStatuses) }

// Metric is what a target measures.
type Metric string

// The metrics a plan can set targets on.
const (
	MetricEnterpriseCount Metric = "enterprise_count"
	MetricOutputShare     Metric = "output_share"
)

// Metrics lists every metric.
var Metrics = []Metric{MetricEnterpriseCount, MetricOutputShare}

// Valid reports whether m is a known metric.
func (m Metric) Valid() bool { return oneOf(m, Metrics) }

// Role is what a user may do.
type Role string

// The roles, each allowed what the one before it is, and more.
const (
	RoleViewer Role = "viewer"
	RoleEditor Role = "editor"
	RoleAdmin  Role = "admin"
)

// Roles lists every role.
var Roles = []Role{RoleViewer, RoleEditor, RoleAdmin}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return oneOf(r, Roles) }

func oneOf[T comparable](v T, all []T) bool {
	for _, a := range all {
		if v == a {
			return true
		}
	}
	return false
}
