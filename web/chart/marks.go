package chart

// What tells the series apart in black and white: the actual line is solid
// with filled circles, the trajectory dashed, the projection dotted with
// hollow circles, targets are diamonds, and the bars of a second series are
// hatched.
var (
	actualStroke     = []string{"stroke", brand, "stroke-width", "2.5", "fill", "none", "stroke-linejoin", "round"}
	trajectoryStroke = []string{"stroke", muted, "stroke-width", "2", "fill", "none", "stroke-dasharray", "8 5"}
	projectionStroke = []string{"stroke", projColour, "stroke-width", "2.5", "fill", "none",
		"stroke-dasharray", "0.1 5", "stroke-linecap", "round"}
)

// keyKind is the sample a legend entry shows.
type keyKind int

const (
	keyActual keyKind = iota
	keyTrajectory
	keyProjection
	keyTarget
	keySwatch
)

// legendItem is one entry of a legend; fill is the swatch's paint.
type legendItem struct {
	kind         keyKind
	label        string
	fill, stroke string
}

// with returns base followed by more, leaving base untouched.
func with(base []string, more ...string) []string {
	return append(append(make([]string, 0, len(base)+len(more)), base...), more...)
}

// legendKey draws the sample of it with its left end at x, centred on y.
func (c *canvas) legendKey(it legendItem, x, y float64) {
	mid := x + keyWidth/2
	line := func(stroke []string) {
		c.leaf("line", with(stroke, "x1", px(x), "x2", px(x+keyWidth), "y1", px(y), "y2", px(y))...)
	}
	switch it.kind {
	case keyActual:
		line(actualStroke)
		c.dot(mid, y)
	case keyTrajectory:
		line(trajectoryStroke)
	case keyProjection:
		line(projectionStroke)
		c.ring(mid, y)
	case keyTarget:
		c.diamond(mid, y)
	case keySwatch:
		c.leaf("rect", "x", px(x+4), "y", px(y-7), "width", px(keyWidth-8), "height", "14",
			"fill", it.fill, "stroke", it.stroke)
	}
}

// dot draws an actual value's marker: a filled circle.
func (c *canvas) dot(x, y float64) {
	c.leaf("circle", "cx", px(x), "cy", px(y), "r", "4.5", "fill", brand, "stroke", "#fff", "stroke-width", "1.5")
}

// ring draws a projected value's marker: a hollow circle.
func (c *canvas) ring(x, y float64) {
	c.leaf("circle", "cx", px(x), "cy", px(y), "r", "4", "fill", "#fff", "stroke", projColour, "stroke-width", "2")
}

// diamond draws a target's marker.
func (c *canvas) diamond(x, y float64) {
	const r = 7.0
	d := "M" + px(x) + " " + px(y-r) + "L" + px(x+r) + " " + px(y) +
		"L" + px(x) + " " + px(y+r) + "L" + px(x-r) + " " + px(y) + "Z"
	c.leaf("path", "d", d, "fill", "#fff", "stroke", accent, "stroke-width", "2.5", "class", "target-mark")
}

// hotspot draws an invisible circle around a marker so that its tooltip
// and link answer a pointer that is merely near it.
func (c *canvas) hotspot(x, y float64) {
	c.leaf("circle", "cx", px(x), "cy", px(y), "r", "10", "fill", "#fff", "fill-opacity", "0")
}

// seriesPaint returns the fill and outline of the i-th series of a bar
// chart: solid, then hatched, then dotted, so that they differ without
// colour; a fourth series starts again.
func seriesPaint(id string, i int) (fill, stroke string) {
	switch i % 3 {
	case 1:
		return "url(#" + id + "-hatch)", accent
	case 2:
		return "url(#" + id + "-dots)", ink
	}
	return brand, brand
}

// patterns defines the hatching and the dots that fills refers to.
func (c *canvas) patterns(id string) {
	c.open("defs")
	c.open("pattern", "id", id+"-hatch", "patternUnits", "userSpaceOnUse", "width", "6", "height", "6",
		"patternTransform", "rotate(45)")
	c.leaf("rect", "width", "6", "height", "6", "fill", "#fff")
	c.leaf("line", "x1", "0", "y1", "0", "x2", "0", "y2", "6", "stroke", accent, "stroke-width", "3")
	c.close("pattern")
	c.open("pattern", "id", id+"-dots", "patternUnits", "userSpaceOnUse", "width", "5", "height", "5")
	c.leaf("rect", "width", "5", "height", "5", "fill", "#fff")
	c.leaf("circle", "cx", "2.5", "cy", "2.5", "r", "1.3", "fill", ink)
	c.close("pattern")
	c.close("defs")
}
