package chart

import (
	"slices"
	"strconv"
)

// raw writes a value for a machine: plain digits, a dot before decimals,
// shares as fractions.
func raw(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// column is one series of a line chart's table, by year.
type column struct {
	name string
	at   map[int]float64
}

// Table returns the chart's data for a person: a header, then a row per
// year with the values written as on the chart (1.234, 35,5%). A cell with
// no value is empty. Columns the chart does not draw are left out.
func (l Line) Table() (header []string, rows [][]string) {
	n := numbers{loc: l.Locale.withDefaults(), percent: l.Percent}
	return l.rows(n.loc, n.value)
}

// Records returns the same rows as Table with the values written for a
// machine (1234, 0.355), for a CSV or XLSX download.
func (l Line) Records() (header []string, rows [][]string) {
	return l.rows(l.Locale.withDefaults(), raw)
}

// rows builds the table with cell writing each value.
func (l Line) rows(loc Locale, cell func(float64) string) (header []string, rows [][]string) {
	cols, years := l.columns(loc)
	header = []string{loc.Year}
	for _, c := range cols {
		header = append(header, c.name)
	}
	for _, y := range years {
		row := []string{strconv.Itoa(y)}
		for _, c := range cols {
			v, ok := c.at[y]
			if ok {
				row = append(row, cell(v))
			} else {
				row = append(row, "")
			}
		}
		rows = append(rows, row)
	}
	return header, rows
}

// columns returns the series the chart draws and every year any of them
// mentions, in order; the actual column is always there.
func (l Line) columns(loc Locale) ([]column, []int) {
	var years []int
	series := func(name string, ps []Point) column {
		c := column{name: name, at: map[int]float64{}}
		for _, p := range sortPoints(ps) {
			years = append(years, p.Year)
			if !p.Missing {
				c.at[p.Year] = p.Value
			}
		}
		return c
	}
	cols := []column{series(loc.Actual, l.Actual)}
	for _, s := range []struct {
		name   string
		points []Point
	}{{loc.Trajectory, l.Trajectory}, {loc.Projection, l.projectedOnly()}} {
		if c := series(s.name, s.points); len(c.at) > 0 {
			cols = append(cols, c)
		}
	}
	if ts := sortTargets(l.Targets); len(ts) > 0 {
		c := column{name: loc.Target, at: map[int]float64{}}
		for _, t := range ts {
			years = append(years, t.Year)
			c.at[t.Year] = t.Value
		}
		cols = append(cols, c)
	}
	slices.Sort(years)
	return cols, slices.Compact(years)
}

// projectedOnly returns the projected values the chart draws: those after
// the last actual value.
func (l Line) projectedOnly() []Point {
	pts := projected(sortPoints(l.Actual), sortPoints(l.Projection))
	if len(pts) < 2 {
		return nil
	}
	return pts[1:]
}

// Table returns the chart's data for a person: a row per year with each
// series' value written as on the chart; a cell with no value is empty.
func (b Bars) Table() (header []string, rows [][]string) {
	n := numbers{loc: b.Locale.withDefaults()}
	return b.rows(n.loc, n.value)
}

// Records returns the same rows as Table with values written for a
// machine, for a CSV or XLSX download.
func (b Bars) Records() (header []string, rows [][]string) {
	return b.rows(b.Locale.withDefaults(), raw)
}

// rows builds the table with cell writing each value.
func (b Bars) rows(loc Locale, cell func(float64) string) (header []string, rows [][]string) {
	header = []string{loc.Year}
	for _, s := range b.Series {
		header = append(header, s.Name)
	}
	for i, year := range b.Years {
		row := []string{strconv.Itoa(year)}
		for s := range b.Series {
			v, ok := b.value(s, i)
			if ok {
				row = append(row, cell(v))
			} else {
				row = append(row, "")
			}
		}
		rows = append(rows, row)
	}
	return header, rows
}
