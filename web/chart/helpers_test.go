package chart

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"testing"
)

// node is an element of a parsed SVG document.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []node     `xml:",any"`
	Text    string     `xml:",chardata"`
}

// attr returns the value of the attribute name, or "".
func (n node) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// all returns n and every element under it, in document order, for which
// keep is true.
func (n node) all(keep func(node) bool) []node {
	var out []node
	if keep(n) {
		out = append(out, n)
	}
	for _, c := range n.Nodes {
		out = append(out, c.all(keep)...)
	}
	return out
}

// named keeps elements called name, with class class when it is not "".
func named(name, class string) func(node) bool {
	return func(n node) bool {
		return n.XMLName.Local == name && (class == "" || n.attr("class") == class)
	}
}

// render draws a chart and parses it, failing the test unless the output is
// well-formed XML with an svg root.
func render(t *testing.T, r func(io.Writer) error) (string, node) {
	t.Helper()
	var b bytes.Buffer
	if err := r(&b); err != nil {
		t.Fatalf("render: %v", err)
	}
	var root node
	if err := xml.Unmarshal(b.Bytes(), &root); err != nil {
		t.Fatalf("not well-formed XML: %v\n%s", err, b.String())
	}
	if root.XMLName.Local != "svg" {
		t.Fatalf("root is <%s>, want <svg>", root.XMLName.Local)
	}
	return b.String(), root
}

// viewBox returns the width and height of the root's viewBox.
func viewBox(t *testing.T, root node) (w, h float64) {
	t.Helper()
	f := strings.Fields(root.attr("viewBox"))
	if len(f) != 4 || f[0] != "0" || f[1] != "0" {
		t.Fatalf("viewBox %q, want 0 0 W H", root.attr("viewBox"))
	}
	return num(t, f[2]), num(t, f[3])
}

// num parses a number the chart wrote.
func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q is not a number: %v", s, err)
	}
	return v
}

// firstTitle returns the text of n's first child when it is a <title>.
func firstTitle(n node) (string, bool) {
	if len(n.Nodes) == 0 || n.Nodes[0].XMLName.Local != "title" {
		return "", false
	}
	return n.Nodes[0].Text, true
}

// checkSafe fails the test when the document holds a script, a style
// element or attribute, an event handler, or an id used twice, and when
// aria-labelledby names an id the document lacks.
func checkSafe(t *testing.T, root node) {
	t.Helper()
	ids := map[string]bool{}
	for _, n := range root.all(func(node) bool { return true }) {
		if n.XMLName.Local == "script" || n.XMLName.Local == "style" || n.XMLName.Local == "foreignObject" {
			t.Errorf("document holds a <%s> element", n.XMLName.Local)
		}
		for _, a := range n.Attrs {
			if a.Name.Local == "style" || strings.HasPrefix(a.Name.Local, "on") {
				t.Errorf("<%s> has a %s attribute", n.XMLName.Local, a.Name.Local)
			}
		}
		if id := n.attr("id"); id != "" {
			if ids[id] {
				t.Errorf("id %q used twice", id)
			}
			ids[id] = true
		}
	}
	for _, id := range strings.Fields(root.attr("aria-labelledby")) {
		if !ids[id] {
			t.Errorf("aria-labelledby names %q, which no element has", id)
		}
	}
}
