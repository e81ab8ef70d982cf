// Package i18n speaks the interface in the reader's language. Vietnamese is
// the source: every message is written in Vietnamese in the code, and that
// text is its key in the English catalogue (the JSON files in en/), so a
// page reads the same in the code as on the screen by default.
package i18n

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"industrytargets/internal/model"
)

type ctxKey struct{}

// WithLang returns ctx speaking lang.
func WithLang(ctx context.Context, lang model.Lang) context.Context {
	return context.WithValue(ctx, ctxKey{}, lang)
}

// From is the language of ctx: Vietnamese unless WithLang said otherwise.
func From(ctx context.Context) model.Lang {
	if l, ok := ctx.Value(ctxKey{}).(model.Lang); ok && l == model.LangEN {
		return model.LangEN
	}
	return model.LangVI
}

// Parse reads a language code as a form or cookie holds it.
func Parse(s string) (model.Lang, bool) {
	switch s {
	case string(model.LangVI):
		return model.LangVI, true
	case string(model.LangEN):
		return model.LangEN, true
	}
	return "", false
}

// T is msg, a Vietnamese message, in the language of ctx. A message the
// catalogue lacks is shown as written (a test keeps the catalogue whole).
func T(ctx context.Context, msg string) string { return In(From(ctx), msg) }

// Tf is T of a format followed by fmt.Sprintf with args. The arguments are
// written by the caller (numbers through internal/format), so the verbs are
// %s and %d only, and the translation keeps them in order.
func Tf(ctx context.Context, format string, args ...any) string {
	return fmt.Sprintf(In(From(ctx), format), args...)
}

// In is msg in lang. A message may end in "|" and a few words of context
// that tell apart two uses of one Vietnamese text English says differently
// ("Đề án" the menu of plans, "Đề án|bộ chọn" the plan chosen): the context
// is part of the key and never shown.
func In(lang model.Lang, msg string) string {
	if lang == model.LangEN {
		if s, ok := english[msg]; ok {
			return s
		}
	}
	text, _, _ := strings.Cut(msg, "|")
	return text
}

// Has reports whether the English catalogue translates msg.
func Has(msg string) bool {
	_, ok := english[msg]
	return ok
}

// Catalogue is the English catalogue, message by message.
func Catalogue() map[string]string { return english }

//go:embed en/*.json
var files embed.FS

// english maps each Vietnamese message to its English text.
var english = mustLoad(files)

// mustLoad merges every catalogue file; a message given two different
// translations, or an empty one, is a mistake caught at start.
func mustLoad(fsys fs.FS) map[string]string {
	names, err := fs.Glob(fsys, "en/*.json")
	if err != nil {
		panic(err)
	}
	sort.Strings(names)
	out := map[string]string{}
	from := map[string]string{}
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			panic(err)
		}
		var m map[string]string
		if err := json.Unmarshal(b, &m); err != nil {
			panic(fmt.Sprintf("i18n: %s: %v", name, err))
		}
		for k, v := range m {
			if v == "" {
				panic(fmt.Sprintf("i18n: %s: empty translation of %q", name, k))
			}
			if old, ok := out[k]; ok && old != v {
				panic(fmt.Sprintf("i18n: %q is %q in %s and %q in %s", k, old, from[k], v, path.Base(name)))
			}
			out[k], from[k] = v, path.Base(name)
		}
	}
	return out
}
