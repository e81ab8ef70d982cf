package i18n

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"industrytargets/internal/model"
)

// uses finds every message the code passes as a literal to T, Tf or In of
// this package, in every Go file of the module (the generated templ files
// included, so the views count), with where it is used.
func uses(t *testing.T) map[string]string {
	t.Helper()
	root := filepath.Join("..", "..")
	out := map[string]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "node_modules") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			pkg, ok := sel.X.(*ast.Ident)
			if !ok || pkg.Name != "i18n" || !slices.Contains([]string{"T", "Tf", "In"}, sel.Sel.Name) || len(call.Args) < 2 {
				return true
			}
			if lit, ok := call.Args[1].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					out[s] = fset.Position(lit.Pos()).String()
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCatalogueIsWhole requires an English text for every message the code
// uses, and no English text for a message no code uses any longer (except
// the files named data*.json, which translate the seeded reference data the
// pages look up by name).
func TestCatalogueIsWhole(t *testing.T) {
	used := uses(t)
	if len(used) == 0 {
		t.Fatal("found no message passed to i18n.T: the scan is broken")
	}
	for msg, at := range used {
		if !Has(msg) {
			t.Errorf("%s: no English text for %q", at, msg)
		}
	}
	data := map[string]bool{}
	names, _ := fs.Glob(files, "en/data*.json")
	for _, name := range names {
		b, _ := fs.ReadFile(files, name)
		var m map[string]string
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for k := range m {
			data[k] = true
		}
	}
	for msg := range english {
		if _, ok := used[msg]; !ok && !data[msg] {
			t.Errorf("the catalogue translates %q, which no code uses", msg)
		}
	}
}

var verb = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// TestTranslationsKeepTheirVerbs requires each translation to have the
// verbs of its message in the same order, so Tf fills them alike.
func TestTranslationsKeepTheirVerbs(t *testing.T) {
	for msg, en := range english {
		if a, b := verb.FindAllString(msg, -1), verb.FindAllString(en, -1); !slices.Equal(a, b) {
			t.Errorf("%q has verbs %v, its translation %q has %v", msg, a, en, b)
		}
	}
}

// TestCatalogueFilesLoad reads each file alone as well, so a file that is
// not valid JSON names itself.
func TestCatalogueFilesLoad(t *testing.T) {
	entries, err := os.ReadDir("en")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") {
			t.Errorf("en/%s: the catalogue holds only .json files", e.Name())
		}
	}
}

// TestContextNeverShown tells two uses of one Vietnamese text apart in
// English and shows the Vietnamese text alone.
func TestContextNeverShown(t *testing.T) {
	for _, tt := range []struct {
		lang      model.Lang
		msg, want string
	}{
		{model.LangVI, "Đề án|bộ chọn", "Đề án"},
		{model.LangEN, "Đề án|bộ chọn", "Plan"},
		{model.LangEN, "Đề án", "Plans"},
		{model.LangEN, "Chưa dịch|ngữ cảnh", "Chưa dịch"},
	} {
		if got := In(tt.lang, tt.msg); got != tt.want {
			t.Errorf("In(%s, %q) = %q, want %q", tt.lang, tt.msg, got, tt.want)
		}
	}
}
