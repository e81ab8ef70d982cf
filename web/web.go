// Package web holds the pages, drawn with templ from typed view models, and
// the static files they use. Views never query: handlers pass them all they
// show.
package web

import "embed"

// Static holds the stylesheet and icons, served under /static/.
//
//go:embed static
var Static embed.FS
