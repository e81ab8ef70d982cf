package server

import (
	"context"
	"html"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"industrytargets/internal/model"
)

// vietnamese reports the letters only Vietnamese writes: đ and the vowels
// with a tone mark or a breve, horn or circumflex.
func vietnamese(r rune) bool {
	if r == 'đ' || r == 'Đ' {
		return true
	}
	d := norm.NFD.String(string(r))
	return len([]rune(d)) > 1 && unicode.IsLetter(r) && r < 0x2000
}

// notEnglish returns the stretches of an English page still in Vietnamese,
// after taking out what is data rather than interface (names from the
// register) and the language switch, which names Vietnamese in Vietnamese.
func notEnglish(page string, data ...string) []string {
	page = html.UnescapeString(page)
	page = withoutBarLabels(page)
	for _, s := range append(data, "Tiếng Việt", "Chuyển sang tiếng Việt") {
		page = strings.ReplaceAll(page, s, "")
	}
	var out []string
	rs := []rune(page)
	for i := 0; i < len(rs); i++ {
		if !vietnamese(rs[i]) {
			continue
		}
		from, to := max(0, i-30), min(len(rs), i+30)
		out = append(out, strings.TrimSpace(string(rs[from:to])))
		i = to
	}
	return out
}

// requireEnglish fails the test for every Vietnamese stretch of page.
func requireEnglish(t *testing.T, what, page string, data ...string) {
	t.Helper()
	if !strings.Contains(page, `<html lang="en">`) {
		t.Errorf("%s: the page does not say it is in English", what)
	}
	for _, s := range notEnglish(page, data...) {
		t.Errorf("%s: still in Vietnamese: %q", what, s)
	}
}

func TestNotEnglishFindsVietnamese(t *testing.T) {
	got := notEnglish("<p>Sign in</p><p>Đăng nhập</p><p>Công ty An Phú</p>", "Công ty An Phú")
	if len(got) != 1 || !strings.Contains(got[0], "Đăng nhập") {
		t.Errorf("got %q, want the one Vietnamese phrase", got)
	}
	if got := notEnglish("Tiếng Việt · English · café"); len(got) != 1 {
		t.Errorf("got %q: é is not only Vietnamese but the checker flags any accent; want one", got)
	}
}

// jarClient is a client with cookies that follows no redirects.
func jarClient() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func TestLanguageSwitchForVisitors(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	c := jarClient()
	_, body := send(t, c, http.MethodGet, r.srv.URL+"/login", nil, nil)
	if !strings.Contains(body, `<html lang="vi">`) || !strings.Contains(body, "Đăng nhập") {
		t.Fatalf("the first page is not in Vietnamese:\n%s", body)
	}

	resp, _ := send(t, c, http.MethodPost, r.srv.URL+"/lang", url.Values{"lang": {"en"}, "back": {"/login?next=%2Fenterprises"}}, nil)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/login?next=%2Fenterprises" {
		t.Fatalf("switch: status %d to %q, want 303 back to the page", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, body = send(t, c, http.MethodGet, r.srv.URL+"/login?next=%2Fenterprises", nil, nil)
	requireEnglish(t, "sign-in page", body)
	if !strings.Contains(body, "Email address") {
		t.Errorf("the sign-in page in English lacks its label:\n%s", body)
	}

	// Anything but vi or en is refused, and the language stays.
	for _, bad := range []string{"fr", "", "EN", "en;"} {
		resp, body := send(t, c, http.MethodPost, r.srv.URL+"/lang", url.Values{"lang": {bad}}, nil)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Language not supported") {
			t.Errorf("lang=%q: status %d, want 400 with a message", bad, resp.StatusCode)
		}
	}
	_, body = send(t, c, http.MethodGet, r.srv.URL+"/login", nil, nil)
	requireEnglish(t, "sign-in page after refused switches", body)

	// Switching never leads off the site.
	for _, back := range []string{"//evil.example/", "https://evil.example/", "/\\evil.example"} {
		resp, _ := send(t, c, http.MethodPost, r.srv.URL+"/lang", url.Values{"lang": {"vi"}, "back": {back}}, nil)
		if loc := resp.Header.Get("Location"); loc != "/" {
			t.Errorf("back=%q: redirected to %q, want /", back, loc)
		}
	}
	_, body = send(t, c, http.MethodGet, r.srv.URL+"/login", nil, nil)
	if !strings.Contains(body, `<html lang="vi">`) {
		t.Error("switching back to Vietnamese did not take")
	}
}

func TestLanguageRememberedPerUser(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	c := client(t, r.srv.URL, model.RoleViewer)
	resp, _ := send(t, c, http.MethodPost, r.srv.URL+"/lang", url.Values{"lang": {"en"}, "back": {"/account"}}, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("switch: status %d", resp.StatusCode)
	}
	u, err := r.st.User(context.Background(), r.ids[model.RoleViewer])
	if err != nil {
		t.Fatal(err)
	}
	if u.Lang != model.LangEN {
		t.Fatalf("the user's language is %q, want en", u.Lang)
	}
	// Another browser, without the cookie: English once signed in.
	other := client(t, r.srv.URL, model.RoleViewer)
	_, body := send(t, other, http.MethodGet, r.srv.URL+"/account", nil, nil)
	if !strings.Contains(body, `<html lang="en">`) {
		t.Error("the user's choice was not remembered in another browser")
	}
	// Another user in that browser keeps their own language.
	_, body = send(t, client(t, r.srv.URL, model.RoleEditor), http.MethodGet, r.srv.URL+"/account", nil, nil)
	if !strings.Contains(body, `<html lang="vi">`) {
		t.Error("another user's pages changed language")
	}
}

// TestLanguageSwitchAfterAFormReturnsToTheForm switches language on a page
// drawn as a form's answer (POST): the switch returns to the form's page,
// which answers GET, not to the address the form posted to.
func TestLanguageSwitchAfterAFormReturnsToTheForm(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	c := client(t, r.srv.URL, model.RoleViewer)
	_, body := send(t, c, http.MethodPost, r.srv.URL+"/account/password", url.Values{"current_password": {"sai"}},
		map[string]string{"Referer": r.srv.URL + "/account"})
	if !strings.Contains(body, `name="back" value="/account"`) {
		t.Errorf("the form's answer returns the switch to %q, want /account",
			body[strings.Index(body, `name="back"`):][:40])
	}
	_, body = send(t, c, http.MethodPost, r.srv.URL+"/account/password", url.Values{"current_password": {"sai"}},
		map[string]string{"Referer": "https://evil.example/account"})
	if !strings.Contains(body, `name="back" value="/"`) {
		t.Error("a form answered from another site's page returns the switch elsewhere than /")
	}
}

// TestRefusalsBeforeSignInSpeakTheBrowsersLanguage: what is answered before
// the session is read, such as a cross-site form refused, is in the
// language of the browser's cookie.
func TestRefusalsBeforeSignInSpeakTheBrowsersLanguage(t *testing.T) {
	t.Parallel()
	r := newRig(t, Options{})
	resp, body := send(t, jarClient(), http.MethodPost, r.srv.URL+"/logout", url.Values{},
		map[string]string{"Sec-Fetch-Site": "cross-site", "Cookie": "lang=en"})
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "did not come from this system") {
		t.Errorf("cross-site form with lang=en: status %d\n%.600s", resp.StatusCode, body)
	}
	requireEnglish(t, "the cross-site refusal", body)
}

var (
	reBarGroup = regexp.MustCompile(`(?s)<g class="bar"><title>([^<]*)</title>(.*?)</g>`)
	reSVGText  = regexp.MustCompile(`<text[^>]*>([^<]*)</text>`)
)

// withoutBarLabels leaves out of page the lines a bar's label is drawn in:
// pieces of the label, which its tooltip holds whole and which is checked
// there.
func withoutBarLabels(page string) string {
	return reBarGroup.ReplaceAllStringFunc(page, func(g string) string {
		m := reBarGroup.FindStringSubmatch(g)
		label, _, _ := strings.Cut(m[1], ": ")
		body := reSVGText.ReplaceAllStringFunc(m[2], func(text string) string {
			line := strings.TrimSuffix(reSVGText.FindStringSubmatch(text)[1], "…")
			if line != "" && strings.Contains(label, line) {
				return ""
			}
			return text
		})
		return `<g class="bar"><title>` + m[1] + `</title>` + body + `</g>`
	})
}
