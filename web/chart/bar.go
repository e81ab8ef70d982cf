package chart

import (
	"cmp"
	"io"
	"slices"
	"strings"

	"github.com/a-h/templ"
)

// BarItem is one bar of a breakdown.
type BarItem struct {
	Label string
	Value float64
	// Href, when set, makes the bar and its label a link to the slice it
	// stands for.
	Href string
}

// Bar charts a breakdown as horizontal bars, one per item in the order
// given, each labelled with its value. Labels too long for their column
// are cut short with "…"; the tooltip has them whole.
type Bar struct {
	// ID prefixes the ids of the chart's elements; see Line.ID.
	ID    string
	Title string
	// Desc describes the chart to assistive technology; the items and
	// their values when empty.
	Desc string
	// Unit follows values in tooltips, as "doanh nghiệp".
	Unit string
	// Percent means values are fractions, written as percentages.
	Percent bool
	// CategoryHeader and ValueHeader head the table's two columns; the
	// locale's Category and Value when empty.
	CategoryHeader, ValueHeader string
	Items                       []BarItem
	Locale                      Locale
	// Width is the chart's width in viewBox units; see Line.Width.
	Width float64
}

// The rows of a bar chart and the widest its label column gets.
const (
	barRow        = 26.0
	barRowWrapped = 38.0 // a row whose label takes two lines
	barThickness  = 16.0
	barLabelWidth = 210.0
	barFoot       = 26.0
)

// Render writes the chart as an SVG element.
func (b Bar) Render(w io.Writer) error {
	var c canvas
	b.draw(&c)
	_, err := c.b.WriteTo(w)
	return err
}

// Component returns the chart as a templ component.
func (b Bar) Component() templ.Component { return component(b.Render) }

// barLayout is where everything of a bar chart goes.
type barLayout struct {
	head             head
	xs               Scale
	ticks            []float64
	labels, values   []string
	names            [][]string // each item's label, in one or two lines
	labelW, row      float64
	left, right, top float64
	base, height     float64
}

// draw writes the whole chart, or a message when there are no items.
func (b Bar) draw(c *canvas) {
	n := numbers{loc: b.Locale.withDefaults(), percent: b.Percent, unit: b.Unit}
	c.w = chartWidth(b.Width)
	m := meta{id: chartID(b.ID, "bar", b.Title), title: b.Title, desc: b.Desc}
	m.links = slices.ContainsFunc(b.Items, func(it BarItem) bool { return it.Href != "" })
	if len(b.Items) == 0 {
		c.empty(m, n.loc.NoData)
		return
	}
	if m.desc == "" {
		m.desc = b.describe(n)
	}
	ly := b.layout(n, c.w)
	c.begin(m, ly.height)
	c.drawHead(ly.head)
	c.xGrid(ly)
	for i, it := range b.Items {
		c.barItem(ly, n, i, it)
	}
	c.close("svg")
}

// layout sizes the label column to the longest label, up to a limit, and
// leaves room after the longest bar for its value.
func (b Bar) layout(n numbers, width float64) barLayout {
	ly := barLayout{head: newHead(b.Title, nil, width)}
	lo, hi, widestValue := 0.0, 0.0, 0.0
	limit := min(barLabelWidth, width*0.42)
	for _, it := range b.Items {
		ly.labelW = max(ly.labelW, min(limit, textWidth(it.Label, fontSize)))
		v := "–"
		if finite(it.Value) {
			lo, hi = min(lo, it.Value), max(hi, it.Value)
			v = n.value(it.Value)
		}
		ly.values = append(ly.values, v)
		widestValue = max(widestValue, textWidth(v, fontSize))
	}
	ly.row = barRow
	for _, it := range b.Items {
		lines := wrap(it.Label, ly.labelW, fontSize, 2)
		if len(lines) > 1 {
			ly.row = barRowWrapped
		}
		ly.names = append(ly.names, lines)
	}
	ly.ticks = axisTicks(lo, hi, 5)
	ly.labels, _ = tickLabels(n, ly.ticks)
	ly.left = edge + ly.labelW + 10
	ly.right = width - edge - widestValue - 8
	ly.top = ly.head.height + 4
	ly.base = ly.top + ly.row*float64(len(b.Items))
	ly.height = ly.base + barFoot
	ly.xs = Scale{D0: ly.ticks[0], D1: ly.ticks[len(ly.ticks)-1], R0: ly.left, R1: ly.right}
	return ly
}

// xGrid writes a vertical grid line and a label below at each tick.
func (c *canvas) xGrid(ly barLayout) {
	c.open("g", "class", "x-axis")
	last := ly.xs.At(ly.ticks[len(ly.ticks)-1])
	for i, t := range ly.ticks {
		x := ly.xs.At(t)
		stroke := gridColour
		if t == 0 {
			stroke = muted
		}
		c.leaf("line", "x1", px(x), "x2", px(x), "y1", px(ly.top), "y2", px(ly.base), "stroke", stroke)
		anchor := "middle"
		if x == last && x+textWidth(ly.labels[i], fontSize)/2 > c.w-edge {
			anchor = "end"
		}
		c.elem("text", ly.labels[i], "x", px(x), "y", px(ly.base+16), "text-anchor", anchor, "fill", muted)
	}
	c.close("g")
}

// barItem writes the i-th bar with its label and value, as one link when
// the item has an href.
func (c *canvas) barItem(ly barLayout, n numbers, i int, it BarItem) {
	mid := ly.top + ly.row*(float64(i)+0.5)
	tip := it.Label + ": " + ly.values[i]
	if finite(it.Value) {
		tip = it.Label + ": " + n.withUnit(it.Value)
	}
	c.titled("bar", tip, it.Href, func() {
		lines := ly.names[i]
		for j, line := range lines {
			dy := float64(j) - float64(len(lines)-1)/2 // lines centred on the bar
			c.elem("text", line, "x", px(ly.left-8), "y", px(mid+dy*15), "dy", "0.32em", "text-anchor", "end")
		}
		end := ly.xs.At(0)
		if finite(it.Value) {
			x0, x1 := ly.xs.At(min(0, it.Value)), ly.xs.At(max(0, it.Value))
			c.leaf("rect", "x", px(x0), "y", px(mid-barThickness/2), "width", px(x1-x0),
				"height", px(barThickness), "fill", brand)
			end = x1
		}
		c.elem("text", ly.values[i], "x", px(end+5), "y", px(mid), "dy", "0.32em", "font-weight", "600")
	})
}

// describe lists the items and their values.
func (b Bar) describe(n numbers) string {
	parts := make([]string, len(b.Items))
	for i, it := range b.Items {
		parts[i] = it.Label + ": –"
		if finite(it.Value) {
			parts[i] = it.Label + ": " + n.withUnit(it.Value)
		}
	}
	return strings.Join(parts, "; ") + "."
}

// Table returns the chart's data for a person: the label and the value
// written as on the chart, a row per bar in order.
func (b Bar) Table() (header []string, rows [][]string) {
	n := numbers{loc: b.Locale.withDefaults(), percent: b.Percent}
	return b.rows(n.loc, n.value)
}

// Records returns the same rows as Table with values written for a
// machine, for a CSV or XLSX download.
func (b Bar) Records() (header []string, rows [][]string) {
	return b.rows(b.Locale.withDefaults(), raw)
}

// rows builds the table with cell writing each value.
func (b Bar) rows(loc Locale, cell func(float64) string) (header []string, rows [][]string) {
	header = []string{cmp.Or(b.CategoryHeader, loc.Category), cmp.Or(b.ValueHeader, loc.Value)}
	for _, it := range b.Items {
		v := ""
		if finite(it.Value) {
			v = cell(it.Value)
		}
		rows = append(rows, []string{it.Label, v})
	}
	return header, rows
}
