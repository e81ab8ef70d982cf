package chart

import (
	"cmp"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/a-h/templ"
)

// Point is the value of a series in a year. Missing marks a year without a
// value: the line breaks there.
type Point struct {
	Year    int
	Value   float64
	Missing bool
	// Href, when set, makes the point's marker a link, such as to the
	// enterprises its value counts.
	Href string
}

// Target is a value a plan aims for in a year, drawn as a diamond.
type Target struct {
	Year  int
	Value float64
	// Label is written beside the diamond; the formatted value when empty.
	Label string
}

// Line charts a measure by year: the actual values as a solid line with
// filled circles, broken at missing years; the plan's trajectory dashed;
// a projection dotted from the last actual value; and the targets as
// diamonds. The y axis starts at zero and reaches every value drawn. With
// no actual value the chart is only its title and the locale's NoData
// message.
type Line struct {
	// ID prefixes the ids of the chart's elements; give each chart of a
	// page its own. When empty one is derived from the title.
	ID    string
	Title string
	// Desc describes the chart to assistive technology; a summary of the
	// first and last values and the targets when empty.
	Desc string
	// YLabel names the y axis, as "Số doanh nghiệp".
	YLabel string
	// Unit follows values in tooltips, as "doanh nghiệp".
	Unit string
	// Percent means values are fractions, written as percentages.
	Percent    bool
	Actual     []Point
	Trajectory []Point
	// Projection holds projected values after the last actual year; the
	// dotted line runs to them from the last actual value.
	Projection []Point
	Targets    []Target
	Locale     Locale
	// Width is the chart's width in viewBox units, the width in pixels it
	// is meant to be shown at; 640 when zero.
	Width float64
}

// The vertical room of a line chart's plot, and of the labels around it.
const (
	linePlotHeight = 220.0
	lineHeadroom   = 24.0 // target labels above the top tick, and YLabel
	lineFoot       = 28.0 // year labels
	maxYTicks      = 7
)

// lineLayout is where everything of a line chart goes.
type lineLayout struct {
	head        head
	xs, ys      Scale
	ticks       []float64
	labels      []string
	first, last int
	left, right float64
	top, base   float64
	height      float64
}

// Render writes the chart as an SVG element.
func (l Line) Render(w io.Writer) error {
	var c canvas
	l.draw(&c)
	_, err := c.b.WriteTo(w)
	return err
}

// Component returns the chart as a templ component.
func (l Line) Component() templ.Component { return component(l.Render) }

// draw writes the whole chart, or a message when there is no actual value.
func (l Line) draw(c *canvas) {
	n := numbers{loc: l.Locale.withDefaults(), percent: l.Percent, unit: l.Unit}
	c.w = chartWidth(l.Width)
	actual := sortPoints(l.Actual)
	m := meta{id: chartID(l.ID, "line", l.Title), title: l.Title, desc: l.Desc}
	m.links = slices.ContainsFunc(actual, func(p Point) bool { return p.Href != "" })
	if !slices.ContainsFunc(actual, func(p Point) bool { return !p.Missing }) {
		c.empty(m, n.loc.NoData)
		return
	}
	if m.desc == "" {
		m.desc = l.describe(n, actual)
	}
	ly := l.layout(n, actual, c.w)
	c.begin(m, ly.height)
	c.drawHead(ly.head)
	if l.YLabel != "" {
		c.elem("text", l.YLabel, "x", px(edge), "y", px(ly.top-lineHeadroom+10), "fill", muted)
	}
	c.yGrid(ly.ys, ly.ticks, ly.labels, ly.left, ly.right)
	c.yearAxis(ly.xs, ly.first, ly.last, yearStep(ly.xs.At(1)-ly.xs.At(0)), ly.base)
	c.trajectory(ly, n, sortPoints(l.Trajectory))
	c.projection(ly, n, actual, sortPoints(l.Projection))
	c.actual(ly, n, actual)
	c.targets(ly, n, sortTargets(l.Targets), slices.Concat(actual, projected(actual, sortPoints(l.Projection))))
	c.close("svg")
}

// layout places the plot so that every year and value drawn is in view.
func (l Line) layout(n numbers, actual []Point, width float64) lineLayout {
	ly := lineLayout{head: newHead(l.Title, l.legend(n.loc, actual), width)}
	ly.first, ly.last = l.years(actual)
	lo, hi := l.extent(actual)
	ly.ticks = axisTicks(lo, hi, maxYTicks)
	labels, widest := tickLabels(n, ly.ticks)
	ly.labels = labels
	ly.left = edge + widest + 8
	ly.right = width - edge - 4
	ly.top = ly.head.height + lineHeadroom
	ly.base = ly.top + linePlotHeight
	ly.height = ly.base + lineFoot
	ly.xs = Scale{D0: float64(ly.first) - 0.5, D1: float64(ly.last) + 0.5, R0: ly.left, R1: ly.right}
	ly.ys = Scale{D0: ly.ticks[0], D1: ly.ticks[len(ly.ticks)-1], R0: ly.base, R1: ly.top}
	return ly
}

// years returns the first and last year of everything drawn.
func (l Line) years(actual []Point) (first, last int) {
	first, last = actual[0].Year, actual[len(actual)-1].Year
	for _, p := range slices.Concat(l.Trajectory, l.Projection) {
		first, last = min(first, p.Year), max(last, p.Year)
	}
	for _, t := range l.Targets {
		first, last = min(first, t.Year), max(last, t.Year)
	}
	return first, last
}

// extent returns the range of every value drawn, zero included, so that a
// value above a target and a target above every value both stay in view.
func (l Line) extent(actual []Point) (lo, hi float64) {
	for _, p := range slices.Concat(actual, l.Trajectory, l.Projection) {
		if !p.Missing && finite(p.Value) {
			lo, hi = min(lo, p.Value), max(hi, p.Value)
		}
	}
	for _, t := range l.Targets {
		if finite(t.Value) {
			lo, hi = min(lo, t.Value), max(hi, t.Value)
		}
	}
	return lo, hi
}

// legend lists the parts the chart draws.
func (l Line) legend(loc Locale, actual []Point) []legendItem {
	items := []legendItem{{kind: keyActual, label: loc.Actual}}
	if slices.ContainsFunc(l.Trajectory, func(p Point) bool { return !p.Missing }) {
		items = append(items, legendItem{kind: keyTrajectory, label: loc.Trajectory})
	}
	if len(projected(actual, sortPoints(l.Projection))) > 1 {
		items = append(items, legendItem{kind: keyProjection, label: loc.Projection})
	}
	if len(l.Targets) > 0 {
		items = append(items, legendItem{kind: keyTarget, label: loc.Target})
	}
	return items
}

// describe summarises the chart in words: the first and last actual
// values, then the targets.
func (l Line) describe(n numbers, actual []Point) string {
	var known []Point
	for _, p := range actual {
		if !p.Missing {
			known = append(known, p)
		}
	}
	first, last := known[0], known[len(known)-1]
	s := n.loc.Actual + ": " + n.withUnit(first.Value) + " (" + strconv.Itoa(first.Year) + ")"
	if last.Year != first.Year {
		s += " → " + n.withUnit(last.Value) + " (" + strconv.Itoa(last.Year) + ")"
	}
	var ts []string
	for _, t := range sortTargets(l.Targets) {
		ts = append(ts, n.withUnit(t.Value)+" ("+strconv.Itoa(t.Year)+")")
	}
	if len(ts) > 0 {
		s += ". " + n.loc.Target + ": " + strings.Join(ts, ", ")
	}
	return s + "."
}

// sortPoints returns the points in year order, one per year (the first
// given), with non-finite values taken as missing.
func sortPoints(ps []Point) []Point {
	ps = slices.Clone(ps)
	for i := range ps {
		if !finite(ps[i].Value) {
			ps[i].Missing = true
		}
	}
	slices.SortStableFunc(ps, func(a, b Point) int { return cmp.Compare(a.Year, b.Year) })
	return slices.CompactFunc(ps, func(a, b Point) bool { return a.Year == b.Year })
}

// sortTargets returns the finite targets in year order.
func sortTargets(ts []Target) []Target {
	ts = slices.DeleteFunc(slices.Clone(ts), func(t Target) bool { return !finite(t.Value) })
	slices.SortStableFunc(ts, func(a, b Target) int { return cmp.Compare(a.Year, b.Year) })
	return ts
}
