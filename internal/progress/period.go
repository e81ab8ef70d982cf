package progress

import (
	"fmt"
	"time"

	"industrytargets/internal/model"
)

// Period is what a report covers (rule 9): its date, and the last year of
// its series.
type Period struct {
	// Date is the report date, a calendar day; progress is as of it.
	Date time.Time
	// Year is the report's year: the one asked for, or else the latest
	// year of either metric (the last closed year).
	Year int
}

// Closed reports whether year y had ended by the report date: its 31
// December is before that date.
func (p Period) Closed(y int) bool { return y < p.Date.Year() }

// Day is the day year y is counted on: 31 December once the year is
// closed; the report date itself in the current year, which is counted to
// date.
func (p Period) Day(y int) time.Time {
	if p.Closed(y) {
		return model.YearEndDate(y)
	}
	return model.DayOf(p.Date)
}

// LastClosed is the last closed year not after the report's year: the
// count's latest year (rule 10). It is 0 when no year from first on is.
func (p Period) LastClosed(first int) int {
	y := min(p.Year, p.Date.Year()-1)
	if y < first {
		return 0
	}
	return y
}

// NewPeriod resolves a report of plan as of date for year (0: none asked
// for). It refuses, as model.ErrInvalid, a year after the report date's
// year (a year to come is not a fact), a year before the plan's baseline or
// outside the years figures take, and a report date before the baseline
// year began.
func NewPeriod(plan model.Plan, date time.Time, year int) (Period, error) {
	date = model.DayOf(date)
	first := max(plan.BaselineYear, model.MinFigureYear)
	switch {
	case date.Year() < first || date.Year() > model.MaxFigureYear:
		return Period{}, fmt.Errorf("%w: report date %s lies outside the years of plan %s (from its baseline year %d to %d)",
			model.ErrInvalid, date.Format(time.DateOnly), plan.Code, plan.BaselineYear, model.MaxFigureYear)
	case year == 0:
		// The latest year of either metric is the count's, the last
		// closed year; before any year has closed, the baseline year to
		// date.
		return Period{Date: date, Year: max(date.Year()-1, first)}, nil
	case year > date.Year():
		return Period{}, fmt.Errorf("%w: year %d has not come yet on %s: a report covers at most the year of its date, %d",
			model.ErrInvalid, year, date.Format(time.DateOnly), date.Year())
	case year < first:
		return Period{}, fmt.Errorf("%w: year %d is before the baseline year %d of plan %s",
			model.ErrInvalid, year, plan.BaselineYear, plan.Code)
	}
	return Period{Date: date, Year: year}, nil
}

// CheckDate refuses a report date after today: progress is as of a day
// that has come.
func CheckDate(date, today time.Time) error {
	if model.DayOf(date).After(model.DayOf(today)) {
		return fmt.Errorf("%w: report date %s is after today, %s", model.ErrInvalid,
			model.DayOf(date).Format(time.DateOnly), model.DayOf(today).Format(time.DateOnly))
	}
	return nil
}
