package main

import (
	"bytes"
	"strings"
	"testing"

	"industrytargets/internal/model"
	"industrytargets/internal/store/storetest"
)

// TestUserAdd: `user add` takes the password on standard input, checks it
// against the rules and stores the user with the role asked for, marked
// to choose their own password at first sign-in; a weak password, an
// unknown role or an email already used is refused and adds no one.
func TestUserAdd(t *testing.T) {
	t.Parallel()
	url := storetest.URL(t)
	env := map[string]string{"DATABASE_URL": url}
	mustRun(t, env, "migrate", "up")
	add := func(stdin string, args ...string) (int, string) {
		var stdout, stderr bytes.Buffer
		err := run(t.Context(), append([]string{"industrytargets", "user", "add"}, args...), envFunc(env),
			strings.NewReader(stdin), &stdout, &stderr)
		return exitCode(err, &stderr), stdout.String() + stderr.String()
	}
	if code, out := add("mật khẩu của cán bộ sở\n", "can.bo@soct.example.vn", "--role", "editor", "--name", "Nguyễn Văn An"); code != 0 ||
		!strings.Contains(out, "added can.bo@soct.example.vn as editor") {
		t.Fatalf("user add = %d: %s", code, out)
	}
	u, err := openStore(t, url).UserByEmail(t.Context(), "can.bo@soct.example.vn")
	if err != nil || u.Role != model.RoleEditor || u.Name != "Nguyễn Văn An" || !u.MustChangePassword {
		t.Errorf("stored user %+v (%v); want an editor who must choose a password", u, err)
	}
	for _, tt := range []struct {
		stdin string
		args  []string
		want  string
	}{
		{"ngan\n", []string{"a@soct.example.vn", "--role", "viewer"}, "12"},
		{"            \n", []string{"b@soct.example.vn", "--role", "viewer"}, "besides spaces"},
		{"mật khẩu của cán bộ sở\n", []string{"c@soct.example.vn", "--role", "boss"}, "role"},
		{"mật khẩu khác của cán bộ\n", []string{"can.bo@soct.example.vn", "--role", "viewer"}, "already exists"},
	} {
		if code, out := add(tt.stdin, tt.args...); code == 0 || !strings.Contains(out, tt.want) {
			t.Errorf("user add %v = %d: %s; want a refusal saying %q", tt.args, code, out, tt.want)
		}
	}
	if out := mustRun(t, env, "user", "list"); strings.Count(out, "@soct.example.vn") != 1 {
		t.Errorf("refused additions added users:\n%s", out)
	}
}
