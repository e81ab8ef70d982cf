package model

// Dimension is a way to break the qualifying enterprises down.
type Dimension string

// The breakdowns the overview shows.
const (
	ByCategory     Dimension = "category"
	ByProductGroup Dimension = "product_group"
	ByArea         Dimension = "area"
	ByZone         Dimension = "zone"
	ByOwnership    Dimension = "ownership"
	ByVSIC         Dimension = "vsic_division"
)

// Dimensions lists every breakdown in display order.
var Dimensions = []Dimension{ByCategory, ByProductGroup, ByArea, ByZone, ByOwnership, ByVSIC}

// Valid reports whether d is a known breakdown.
func (d Dimension) Valid() bool { return oneOf(d, Dimensions) }

// CountRow is one slice of a breakdown: its key (a code, empty for "not
// set"), its name, and how many qualifying enterprises fall in it.
type CountRow struct {
	Key    string
	Name   string
	NameEN string // the reference list's English name; "" for places, which keep their own
	Count  int
}

// YearFlow says how many enterprises started and stopped qualifying in a
// year, compared with the year before.
type YearFlow struct {
	Year    int
	Entries int
	Exits   int
}

// Quality lists what in the register needs attention for a plan and year.
type Quality struct {
	MissingFigures int // qualifying enterprises with no production value for the year on the basis
	Expiring       int // enterprises holding a certificate of the plan's categories that ends within six months
	Unclassified   int // enterprises of the province with no classification at all
	Provisional    int // figures of the year still estimate or preliminary
	AbolishedArea  int // counted enterprises whose latest area had been abolished by the report date: their new unit is to be entered
	Unlocated      int // enterprises that would count but have no area, in a province lying partly in the territory
}
