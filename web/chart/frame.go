package chart

import (
	"context"
	"io"
	"strconv"

	"github.com/a-h/templ"
)

// The frame every chart shares: a width of viewBox units, scaled to the
// width of its container, and heights that vary with the content. A chart
// drawn for the width it is shown at keeps its type at fontSize pixels:
// the overview draws each chart for a narrow screen and for a wide one.
const (
	defaultWidth = 640.0
	minWidth     = 240.0
	edge         = 8.0  // outer margin
	titleSize    = 15.0 // title font size
	lineHeight   = 20.0 // title and legend rows
	keyWidth     = 26.0 // legend sample before its label
)

// meta is what a chart says about itself to assistive technology.
type meta struct {
	id, title, desc string
	// links is set when the chart holds links: role="img" would hide them
	// from assistive technology, so the chart is then a labelled group.
	links bool
}

// component wraps a render function as a templ component.
func component(render func(io.Writer) error) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error { return render(w) })
}

// begin opens the svg element with its accessible name and description.
func (c *canvas) begin(m meta, height float64) {
	role := "img"
	if m.links {
		role = "group"
	}
	c.open("svg", "xmlns", svgNS, "viewBox", "0 0 "+px(c.w)+" "+px(height),
		"width", "100%", "data-width", px(c.w), "role", role, "aria-labelledby", m.id+"-title "+m.id+"-desc",
		"class", "chart", "font-family", fontFamily, "font-size", px(fontSize), "fill", ink)
	c.elem("title", m.title, "id", m.id+"-title")
	c.elem("desc", m.desc, "id", m.id+"-desc")
}

// head is the top of a chart: its title and its legend, laid out in rows.
type head struct {
	title  []string
	rows   [][]legendItem
	height float64
}

// newHead lays out a title of at most two lines and a legend that wraps.
func newHead(title string, items []legendItem, width float64) head {
	h := head{title: wrap(title, width-2*edge, titleSize, 2)}
	var row []legendItem
	x := edge
	for _, it := range items {
		w := keyWidth + 6 + textWidth(it.label, fontSize) + 14
		if len(row) > 0 && x+w > width-edge {
			h.rows = append(h.rows, row)
			row, x = nil, edge
		}
		row = append(row, it)
		x += w
	}
	if len(row) > 0 {
		h.rows = append(h.rows, row)
	}
	h.height = edge + lineHeight*float64(len(h.title)+len(h.rows)) + 6
	return h
}

// drawHead writes the title and the legend laid out by newHead.
func (c *canvas) drawHead(h head) {
	y := edge + 12
	for _, line := range h.title {
		c.elem("text", line, "x", px(edge), "y", px(y), "font-size", px(titleSize),
			"font-weight", "600", "aria-hidden", "true")
		y += lineHeight
	}
	for _, row := range h.rows {
		x := edge
		for _, it := range row {
			c.legendKey(it, x, y-4)
			c.elem("text", it.label, "x", px(x+keyWidth+6), "y", px(y))
			x += keyWidth + 6 + textWidth(it.label, fontSize) + 14
		}
		y += lineHeight
	}
}

// empty writes a chart that has nothing to draw: its title and a message.
func (c *canvas) empty(m meta, msg string) {
	m.desc = msg
	h := newHead(m.title, nil, c.w)
	c.begin(m, h.height+56)
	c.drawHead(h)
	c.leaf("rect", "x", px(edge), "y", px(h.height), "width", px(c.w-2*edge), "height", "44",
		"fill", "none", "stroke", gridColour, "stroke-dasharray", "4 3")
	c.elem("text", msg, "x", px(c.w/2), "y", px(h.height+27), "text-anchor", "middle",
		"fill", muted, "class", "no-data")
	c.close("svg")
}

// yGrid writes a horizontal grid line and a label at each tick, the line
// at zero darker as the baseline.
func (c *canvas) yGrid(ys Scale, ticks []float64, labels []string, left, right float64) {
	c.open("g", "class", "y-axis")
	for i, t := range ticks {
		y := px(ys.At(t))
		stroke := gridColour
		if t == 0 {
			stroke = muted
		}
		c.leaf("line", "x1", px(left), "x2", px(right), "y1", y, "y2", y, "stroke", stroke)
		c.elem("text", labels[i], "x", px(left-6), "y", y, "dy", "0.32em",
			"text-anchor", "end", "fill", muted)
	}
	c.close("g")
}

// yearAxis writes a label under every step-th year from first to last,
// and a tick under every year when there are not too many to see.
func (c *canvas) yearAxis(xs Scale, first, last, step int, base float64) {
	c.open("g", "class", "x-axis")
	for y := first; y <= last; y++ {
		labelled := y%step == 0 || step == 1
		if !labelled && last-first > 100 {
			continue
		}
		x := px(xs.At(float64(y)))
		c.leaf("line", "x1", x, "x2", x, "y1", px(base), "y2", px(base+4), "stroke", muted)
		if labelled {
			c.elem("text", strconv.Itoa(y), "x", x, "y", px(base+17), "text-anchor", "middle", "fill", muted)
		}
	}
	c.close("g")
}

// yearStep returns how many years apart the labels of a year axis are when
// years are perYear pixels apart (1, 2, 5, 10, 20, 50…), so that labels do
// not touch.
func yearStep(perYear float64) int {
	for k := 1; ; k *= 10 {
		for _, m := range []int{1, 2, 5} {
			if perYear*float64(k*m) >= 38 || k*m >= 1e9 {
				return k * m
			}
		}
	}
}

// axisTicks returns the ticks of an axis over [lo, hi]; 0 and 1 when the
// values are too extreme to tick, so that a chart still draws.
func axisTicks(lo, hi float64, maxTicks int) []float64 {
	if ticks := NiceTicks(lo, hi, maxTicks); ticks != nil {
		return ticks
	}
	return []float64{0, 1}
}

// tickLabels formats ticks with the decimals they need, and returns the
// width of the widest label.
func tickLabels(n numbers, ticks []float64) ([]string, float64) {
	digits := Decimals(ticks)
	labels := make([]string, len(ticks))
	widest := 0.0
	for i, t := range ticks {
		labels[i] = n.tick(t, digits)
		widest = max(widest, textWidth(labels[i], fontSize))
	}
	return labels, widest
}
