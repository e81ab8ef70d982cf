package chart

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"hash/fnv"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/a-h/templ"
	"golang.org/x/text/unicode/norm"
)

// The look shared by every chart. Presentation attributes carry it, since
// the app's Content-Security-Policy forbids inline styles.
const (
	svgNS      = "http://www.w3.org/2000/svg"
	fontFamily = "Segoe UI, Noto Sans, DejaVu Sans, Arial, sans-serif"
	ink        = "#1b1f24"
	muted      = "#57606a"
	gridColour = "#d0d7de"
	brand      = "#0b3d7a"
	accent     = "#b3261e"
	projColour = "#8a4b00"
	fontSize   = 12.0
	// charWidth is the average advance of a sans-serif character in ems,
	// rounded up so that estimated widths err on the generous side.
	charWidth = 0.6
)

// canvas accumulates an SVG document. Every attribute value and every text
// goes through XML escaping, so user data cannot break out of its place.
type canvas struct {
	b bytes.Buffer
	w float64 // the chart's width in viewBox units
}

// chartWidth is a chart's Width, or the default.
func chartWidth(w float64) float64 {
	if w <= 0 {
		return defaultWidth
	}
	return max(w, minWidth)
}

// open writes a start tag with attributes given as name, value pairs.
func (c *canvas) open(name string, attrs ...string) {
	c.tag(name, attrs)
	c.b.WriteByte('>')
}

// leaf writes an empty element.
func (c *canvas) leaf(name string, attrs ...string) {
	c.tag(name, attrs)
	c.b.WriteString("/>")
}

// close writes an end tag.
func (c *canvas) close(name string) {
	c.b.WriteString("</" + name + ">")
}

// elem writes an element holding only text.
func (c *canvas) elem(name, text string, attrs ...string) {
	c.open(name, attrs...)
	c.text(text)
	c.close(name)
}

// text writes escaped character data.
func (c *canvas) text(s string) {
	// Writing to a bytes.Buffer cannot fail.
	_ = xml.EscapeText(&c.b, []byte(s))
}

// tag writes "<name a="v" …" without its closing bracket. Names are ours;
// values are escaped. An odd number of attrs is a programming error.
func (c *canvas) tag(name string, attrs []string) {
	if len(attrs)%2 != 0 {
		panic(fmt.Sprintf("chart: odd attributes for <%s>: %q", name, attrs))
	}
	c.b.WriteString("<" + name)
	for i := 0; i < len(attrs); i += 2 {
		c.b.WriteString(" " + attrs[i] + `="`)
		c.text(attrs[i+1])
		c.b.WriteByte('"')
	}
}

// titled writes a group with a tooltip, and a link around it when href is
// set; body draws what the group holds.
func (c *canvas) titled(class, tip, href string, body func()) {
	if href != "" {
		c.open("a", "href", string(templ.URL(href)))
	}
	c.open("g", "class", class)
	c.elem("title", tip)
	body()
	c.close("g")
	if href != "" {
		c.close("a")
	}
}

// px writes a coordinate with at most one decimal.
func px(v float64) string {
	v = math.Round(v*10) / 10
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// chartID returns id made safe for an XML id, or, when id is empty, one
// derived from the kind and title so that output stays deterministic.
func chartID(id, kind, title string) string {
	if id == "" {
		h := fnv.New32a()
		h.Write([]byte(kind + "\x00" + title))
		return fmt.Sprintf("chart-%s-%08x", kind, h.Sum32())
	}
	safe := []rune(id)
	for i, r := range safe {
		if !(r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '-' || r == '_') {
			safe[i] = '-'
		}
	}
	if !unicode.IsLetter(safe[0]) {
		return "c" + string(safe)
	}
	return string(safe)
}

// textWidth estimates the width of s at size pixels. Combining marks, as
// in decomposed Vietnamese, take no width.
func textWidth(s string, size float64) float64 {
	n := 0
	for _, r := range s {
		if !unicode.Is(unicode.Mn, r) {
			n++
		}
	}
	return float64(n) * size * charWidth
}

// truncate shortens s to fit width at size pixels, ending it with "…".
// It works on composed text so that no accent is cut from its letter.
func truncate(s string, width, size float64) string {
	s = norm.NFC.String(s)
	if textWidth(s, size) <= width {
		return s
	}
	keep := int(width/(size*charWidth)) - 1
	runes := []rune(s)
	for keep > 0 && keep < len(runes) && unicode.Is(unicode.Mn, runes[keep]) {
		keep--
	}
	if keep <= 0 {
		return "…"
	}
	return strings.TrimRight(string(runes[:keep]), " ") + "…"
}

// wrap breaks s into at most maxLines lines that fit width at size pixels,
// truncating the last one when the text is longer still.
func wrap(s string, width, size float64, maxLines int) []string {
	var lines []string
	line := ""
	words := strings.Fields(norm.NFC.String(s))
	for i, w := range words {
		switch {
		case line == "":
			line = w
		case textWidth(line+" "+w, size) <= width:
			line += " " + w
		case len(lines) == maxLines-1:
			return append(lines, truncate(strings.Join(append([]string{line}, words[i:]...), " "), width, size))
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, truncate(line, width, size))
	}
	return lines
}
