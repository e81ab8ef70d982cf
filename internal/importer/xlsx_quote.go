package importer

import "strings"

// formulaStarts are the first characters that make a spreadsheet take text
// for a formula (OWASP, CWE-1236), and the quote that neutralises them, so
// a value already beginning with it survives the round trip.
const formulaStarts = "=+-@\t\r'"

// SafeCell neutralises a text cell for export: text beginning with = + - @
// a tab, a carriage return or a single quote gets a single quote in front,
// so no spreadsheet evaluates it. The importer takes it off again (see
// unquoteCell), so an export imports back exactly. Only text goes through
// it: numbers are written as numbers, so a negative one stays one.
func SafeCell(s string) string {
	if s != "" && strings.IndexByte(formulaStarts, s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// unquoteCell takes off the quote SafeCell put in front of a cell; a quote
// before anything else is part of the text.
func unquoteCell(s string) string {
	if len(s) >= 2 && s[0] == '\'' && strings.IndexByte(formulaStarts, s[1]) >= 0 {
		return s[1:]
	}
	return s
}
