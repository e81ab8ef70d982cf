package web

import (
	"context"

	"industrytargets/internal/format"
	"industrytargets/internal/i18n"
	"industrytargets/internal/model"
)

// fm is the number and date formatter of the page's language.
func fm(ctx context.Context) format.Formatter { return format.For(i18n.From(ctx)) }

// english reports whether the page is in English.
func english(ctx context.Context) bool { return i18n.From(ctx) == model.LangEN }
