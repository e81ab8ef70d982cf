// Package progress holds the counting rules and the target math of
// DESIGN.md (rules 1–8) as pure functions over model values: no I/O, no
// database, no clock. Every screen, the report, the JSON API and the CLI get
// their numbers from here, so they agree.
//
// The pieces, smallest first: Qualifies decides rule 1 for one enterprise
// and year; Series turns a register into one YearPoint per year (rules 2–5);
// Evaluate turns a series into one TargetResult per target (rules 6–8) and
// depends on nothing but the series, so a store that aggregates in SQL can
// build YearPoints with NewYearPoint and get the same statuses; Compute does
// all of it and returns the Report that the JSON API prints.
package progress

import (
	"slices"
	"time"

	"industrytargets/internal/model"
)

// EnterpriseRecord is one enterprise with its classifications, yearly
// figures and dated locations, as the store loads them.
type EnterpriseRecord struct {
	Enterprise      model.Enterprise
	Classifications []model.Classification
	Figures         []model.Figure
	Locations       []model.Location
}

// Qualifies reports whether an enterprise counts toward a plan whose
// categories are cats in year (rule 1, before its territory): on 31
// December of year it is operating and holds a classification in one of
// cats that is valid that day.
func Qualifies(e model.Enterprise, classes []model.Classification, cats []model.Category, year int) bool {
	return QualifiesOn(e, classes, cats, model.YearEndDate(year))
}

// QualifiesOn is Qualifies on any day, as the current year is counted on
// the report date.
//
// Dates compare as calendar days (the day each time.Time names in its own
// location), so a date read with a clock time or a zone still means its day.
func QualifiesOn(e model.Enterprise, classes []model.Classification, cats []model.Category, on time.Time) bool {
	d := dayOf(on)
	if !operating(e, d) {
		return false
	}
	for _, c := range classes {
		if slices.Contains(cats, c.Category) && covers(c, d) {
			return true
		}
	}
	return false
}

// day is a calendar day written yyyymmdd, so days compare as integers.
type day int

func dayOf(t time.Time) day {
	y, m, d := t.Date()
	return day(y*10000 + int(m)*100 + d)
}

// operating says whether e operates on d: it began on or before d and has not
// ceased by d. An enterprise that ceased on d no longer operates on d.
func operating(e model.Enterprise, d day) bool {
	if dayOf(e.OperatingSince) > d {
		return false
	}
	return e.CeasedOn == nil || dayOf(*e.CeasedOn) > d
}

// covers says whether c is valid on d; both ends of the validity count, and
// a nil ValidUntil never ends.
func covers(c model.Classification, d day) bool {
	if dayOf(c.ValidFrom) > d {
		return false
	}
	return c.ValidUntil == nil || d <= dayOf(*c.ValidUntil)
}
