package chart

import (
	"cmp"
	"strconv"
	"strings"
)

// runs splits points into runs of consecutive years with values: a
// missing point, or a year absent from the slice, ends a run.
func runs(points []Point) [][]Point {
	var out [][]Point
	var run []Point
	for _, p := range points {
		if p.Missing || (len(run) > 0 && p.Year != run[len(run)-1].Year+1) {
			if len(run) > 0 {
				out = append(out, run)
			}
			run = nil
		}
		if !p.Missing {
			run = append(run, p)
		}
	}
	if len(run) > 0 {
		out = append(out, run)
	}
	return out
}

// pathOf returns the path data of a polyline through points.
func pathOf(ly lineLayout, points []Point) string {
	var b strings.Builder
	for i, p := range points {
		if i == 0 {
			b.WriteString("M")
		} else {
			b.WriteString("L")
		}
		b.WriteString(px(ly.xs.At(float64(p.Year))) + " " + px(ly.ys.At(p.Value)))
	}
	return b.String()
}

// yearValue writes "2022: 204 doanh nghiệp".
func yearValue(n numbers, year int, v float64) string {
	return strconv.Itoa(year) + ": " + n.withUnit(v)
}

// actual draws the actual values: a solid path per run of consecutive
// years, then a filled circle with a tooltip, and a link when given, at
// every value.
func (c *canvas) actual(ly lineLayout, n numbers, points []Point) {
	c.open("g", "class", "actual")
	for _, run := range runs(points) {
		if len(run) > 1 {
			c.leaf("path", with(actualStroke, "d", pathOf(ly, run), "class", "actual-line")...)
		}
	}
	for _, p := range points {
		if p.Missing {
			continue
		}
		x, y := ly.xs.At(float64(p.Year)), ly.ys.At(p.Value)
		c.titled("point", yearValue(n, p.Year, p.Value), p.Href, func() {
			c.hotspot(x, y)
			c.dot(x, y)
		})
	}
	c.close("g")
}

// trajectory draws the plan's expected values as a dashed line, its
// tooltip listing them.
func (c *canvas) trajectory(ly lineLayout, n numbers, points []Point) {
	rs := runs(points)
	if len(rs) == 0 {
		return
	}
	var tips []string
	for _, p := range points {
		if !p.Missing {
			tips = append(tips, yearValue(n, p.Year, p.Value))
		}
	}
	c.open("g", "class", "trajectory")
	c.elem("title", n.loc.Trajectory+": "+strings.Join(tips, "; "))
	for _, run := range rs {
		c.leaf("path", with(trajectoryStroke, "d", pathOf(ly, run))...)
	}
	c.close("g")
}

// projected returns the last actual value followed by the projected values
// of later years, or nil when there is no actual value.
func projected(actual, projection []Point) []Point {
	var last *Point
	for i := range actual {
		if !actual[i].Missing {
			last = &actual[i]
		}
	}
	if last == nil {
		return nil
	}
	out := []Point{*last}
	for _, p := range projection {
		if !p.Missing && p.Year > last.Year {
			out = append(out, p)
		}
	}
	return out
}

// projection draws a dotted line from the last actual value through the
// projected ones, each with a hollow circle and a tooltip.
func (c *canvas) projection(ly lineLayout, n numbers, actual, projection []Point) {
	pts := projected(actual, projection)
	if len(pts) < 2 {
		return
	}
	c.open("g", "class", "projection")
	c.leaf("path", with(projectionStroke, "d", pathOf(ly, pts))...)
	for _, p := range pts[1:] {
		x, y := ly.xs.At(float64(p.Year)), ly.ys.At(p.Value)
		c.titled("projection-point", n.loc.Projection+" "+yearValue(n, p.Year, p.Value), "", func() {
			c.hotspot(x, y)
			c.ring(x, y)
		})
	}
	c.close("g")
}

// targets draws each target as a diamond with its label above it, or below
// it when an actual or projected value sits just above, kept inside the
// plot's width.
func (c *canvas) targets(ly lineLayout, n numbers, targets []Target, near []Point) {
	for _, t := range targets {
		x, y := ly.xs.At(float64(t.Year)), ly.ys.At(t.Value)
		label := cmp.Or(t.Label, n.value(t.Value))
		anchor, lx, ly0 := "middle", x, y-12
		half := textWidth(label, fontSize) / 2
		switch {
		case x+half > c.w-edge:
			anchor, lx = "end", x+8
		case x-half < ly.left:
			anchor, lx = "start", x-8
		}
		if crowded(ly, t, near) {
			ly0 = y + 22
		}
		c.titled("target", n.loc.Target+" "+yearValue(n, t.Year, t.Value), "", func() {
			c.diamond(x, y)
			c.elem("text", label, "x", px(lx), "y", px(ly0), "text-anchor", anchor,
				"font-weight", "600", "fill", accent, "stroke", "#fff", "stroke-width", "3",
				"stroke-linejoin", "round", "paint-order", "stroke")
		})
	}
}

// crowded reports whether a point of near in the target's year sits where
// the target's label would go, just above its diamond.
func crowded(ly lineLayout, t Target, near []Point) bool {
	y := ly.ys.At(t.Value)
	for _, p := range near {
		if p.Year == t.Year && !p.Missing {
			if py := ly.ys.At(p.Value); py < y-2 && py > y-30 {
				return true
			}
		}
	}
	return false
}
