package chart

import (
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/a-h/templ"
)

// BarSeries is one series of a Bars chart: its values by year, Values[i]
// belonging to Bars.Years[i]; a year past the end of Values has no bar.
type BarSeries struct {
	Name   string
	Values []float64
	// Hrefs, when set, make each year's bar a link, Hrefs[i] for
	// Years[i]; an empty one means no link.
	Hrefs []string
}

// Bars charts one or more series by year as vertical bars side by side,
// such as enterprises entering and leaving the register each year. The
// first series is solid, the second hatched, the third dotted, so that
// they differ in black and white.
type Bars struct {
	// ID prefixes the ids of the chart's elements and its fill patterns;
	// see Line.ID.
	ID    string
	Title string
	// Desc describes the chart to assistive technology; a summary of the
	// series' totals when empty.
	Desc string
	// YLabel names the y axis, as "Số doanh nghiệp".
	YLabel string
	// Unit follows values in tooltips.
	Unit string
	// Years are the groups of bars, drawn in the order given.
	Years  []int
	Series []BarSeries
	Locale Locale
	// Width is the chart's width in viewBox units; see Line.Width.
	Width float64
}

// The room of a Bars chart's plot.
const (
	barsPlotHeight = 200.0
	barsHeadroom   = 24.0 // value labels above the top tick, and YLabel
)

// Render writes the chart as an SVG element.
func (b Bars) Render(w io.Writer) error {
	var c canvas
	b.draw(&c)
	_, err := c.b.WriteTo(w)
	return err
}

// Component returns the chart as a templ component.
func (b Bars) Component() templ.Component { return component(b.Render) }

// value returns series s's value for the i-th year.
func (b Bars) value(s, i int) (float64, bool) {
	vs := b.Series[s].Values
	if i >= len(vs) || !finite(vs[i]) {
		return 0, false
	}
	return vs[i], true
}

// href returns the link of series s's bar for the i-th year, if any.
func (b Bars) href(s, i int) string {
	if hs := b.Series[s].Hrefs; i < len(hs) {
		return hs[i]
	}
	return ""
}

// draw writes the whole chart, or a message when there is no value.
func (b Bars) draw(c *canvas) {
	c.w = chartWidth(b.Width)
	n := numbers{loc: b.Locale.withDefaults(), unit: b.Unit}
	m := meta{id: chartID(b.ID, "bars", b.Title), title: b.Title, desc: b.Desc}
	m.links = slices.ContainsFunc(b.Series, func(s BarSeries) bool { return slices.ContainsFunc(s.Hrefs, isSet) })
	if !b.hasValue() {
		c.empty(m, n.loc.NoData)
		return
	}
	if m.desc == "" {
		m.desc = b.describe(n)
	}
	var items []legendItem
	for s, ser := range b.Series {
		fill, stroke := seriesPaint(m.id, s)
		items = append(items, legendItem{kind: keySwatch, label: ser.Name, fill: fill, stroke: stroke})
	}
	h := newHead(b.Title, items, c.w)
	var lo, hi float64
	for s := range b.Series {
		for i := range b.Years {
			if v, ok := b.value(s, i); ok {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
	}
	ticks := axisTicks(lo, hi, maxYTicks)
	labels, widest := tickLabels(n, ticks)
	top := h.height + barsHeadroom
	base := top + barsPlotHeight
	left := edge + widest + 8
	ys := Scale{D0: ticks[0], D1: ticks[len(ticks)-1], R0: base, R1: top}
	c.begin(m, base+lineFoot)
	c.patterns(m.id)
	c.drawHead(h)
	if b.YLabel != "" {
		c.elem("text", b.YLabel, "x", px(edge), "y", px(top-barsHeadroom+10), "fill", muted)
	}
	c.yGrid(ys, ticks, labels, left, c.w-edge-4)
	b.groups(c, m.id, n, ys, left, c.w-edge-4)
	c.close("svg")
}

// groups writes each year's bars side by side in its slot, the year below.
func (b Bars) groups(c *canvas, id string, n numbers, ys Scale, left, right float64) {
	slot := (right - left) / float64(len(b.Years))
	barW := slot * 0.72 / float64(len(b.Series))
	step := yearStep(slot)
	base := ys.R0
	for i, year := range b.Years {
		x0 := left + slot*float64(i) + slot*0.14
		for s := range b.Series {
			v, ok := b.value(s, i)
			if !ok {
				continue
			}
			b.bar(c, barGeom{x: x0 + barW*float64(s), w: barW, y0: ys.At(0), y1: ys.At(v)},
				id, s, b.Series[s].Name+" "+yearValue(n, year, v), b.href(s, i), n.value(v))
		}
		if year%step == 0 || step == 1 {
			c.elem("text", strconv.Itoa(year), "x", px(left+slot*(float64(i)+0.5)), "y", px(base+17),
				"text-anchor", "middle", "fill", muted)
		}
	}
}

// barGeom is a vertical bar: its left edge and width, and the pixel
// heights of zero and of its value.
type barGeom struct{ x, w, y0, y1 float64 }

// bar writes one bar of series s with its tooltip and link, and its value
// above it when the bar is wide enough to hold the number.
func (b Bars) bar(c *canvas, g barGeom, id string, s int, tip, href, label string) {
	fill, stroke := seriesPaint(id, s)
	c.titled("bar", tip, href, func() {
		top, h := min(g.y0, g.y1), max(g.y0, g.y1)-min(g.y0, g.y1)
		c.leaf("rect", "x", px(g.x), "y", px(top), "width", px(g.w), "height", px(h),
			"fill", fill, "stroke", stroke, "stroke-width", "1")
		if textWidth(label, fontSize) <= g.w+4 {
			c.elem("text", label, "x", px(g.x+g.w/2), "y", px(top-4), "text-anchor", "middle")
		}
	})
}

// hasValue reports whether any series has a value for any year.
func (b Bars) hasValue() bool {
	for s := range b.Series {
		for i := range b.Years {
			if _, ok := b.value(s, i); ok {
				return true
			}
		}
	}
	return false
}

// describe states each series' values over the years.
func (b Bars) describe(n numbers) string {
	parts := make([]string, len(b.Series))
	for s, ser := range b.Series {
		var vs []string
		for i, year := range b.Years {
			if v, ok := b.value(s, i); ok {
				vs = append(vs, yearValue(n, year, v))
			}
		}
		parts[s] = ser.Name + ": " + strings.Join(vs, ", ")
	}
	return strings.Join(parts, "; ") + "."
}

// isSet reports whether s is not empty.
func isSet(s string) bool { return s != "" }
