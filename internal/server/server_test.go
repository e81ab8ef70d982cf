package server_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"industrytargets/internal/seed"
	"industrytargets/internal/server"
	"industrytargets/internal/store"
	"industrytargets/internal/store/storetest"
)

func newServer(t *testing.T, demo bool) (*httptest.Server, *store.Store) {
	t.Helper()
	ctx := context.Background()
	st := storetest.New(t)
	if _, err := seed.Ensure(ctx, st); err != nil {
		t.Fatal(err)
	}
	if demo {
		if _, err := seed.EnsureDemo(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(server.New(slog.New(slog.NewTextHandler(io.Discard, nil)), st, server.Options{PublicDashboard: true}))
	t.Cleanup(srv.Close)
	return srv, st
}

func get(t *testing.T, method, url string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

func TestRoutesAnswer(t *testing.T) {
	t.Parallel()
	srv, _ := newServer(t, false)
	tests := []struct {
		method, path string
		status       int
		contentType  string
		contains     string
	}{
		{"GET", "/healthz", 200, "text/plain", "ok"},
		{"HEAD", "/healthz", 200, "text/plain", ""},
		{"GET", "/readyz", 200, "text/plain", "ready"},
		{"GET", "/", 200, "text/html", "Quyết định 3164/QĐ-UBND ngày 29/10/2021"},
		{"HEAD", "/", 200, "text/html", ""},
		{"GET", "/static/app.css", 200, "text/css", "--brand"},
		{"GET", "/static/", 404, "text/html", "Không tìm thấy trang"},
		{"GET", "/static/nope.css", 404, "text/html", "Không tìm thấy trang"},
		{"POST", "/", 405, "text/html", "không nhận thao tác"},
		{"GET", "/api/v1/plans", 200, "application/json", `"code":"HD-3164"`},
		{"GET", "/api/v1/plans/NOPE/progress", 404, "application/json", `"error":"not_found"`},
		{"GET", "/api/v1/plans/HD-3164/progress?year=abc", 400, "application/json", `"error":"bad_year"`},
		{"GET", "/api/v1/plans/HD-3164/progress?year=2019", 400, "application/json", `"error":"bad_request"`},
		{"GET", "/api/v1/plans/HD-3164/progress?basis=usd", 400, "application/json", `"error":"bad_basis"`},
		{"GET", "/api/v1/plans/HD-3164/progress?year=2024", 200, "application/json", `"as_of_year":2024`},
	}
	for _, tt := range tests {
		resp, body := get(t, tt.method, srv.URL+tt.path)
		if resp.StatusCode != tt.status || !strings.HasPrefix(resp.Header.Get("Content-Type"), tt.contentType) || !strings.Contains(body, tt.contains) {
			t.Errorf("%s %s = %d %q, body %.120q; want %d %s containing %q", tt.method, tt.path,
				resp.StatusCode, resp.Header.Get("Content-Type"), body, tt.status, tt.contentType, tt.contains)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" || resp.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("%s %s lacks the security headers", tt.method, tt.path)
		}
	}
}

func TestReadyzReportsAnUnreachableDatabase(t *testing.T) {
	t.Parallel()
	// Nothing listens on port 1: every query fails to connect.
	st, err := store.Open(context.Background(), "postgres://postgres@127.0.0.1:1/none?sslmode=disable&connect_timeout=2", store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := httptest.NewServer(server.New(slog.New(slog.NewTextHandler(io.Discard, nil)), st, server.Options{PublicDashboard: true}))
	defer srv.Close()
	resp, _ := get(t, "GET", srv.URL+"/readyz")
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("/readyz with the database gone = %d, want 503", resp.StatusCode)
	}
	resp, body := get(t, "GET", srv.URL+"/")
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "không kết nối được cơ sở dữ liệu") {
		t.Errorf("/ with the database gone = %d %.200q; want 503 with a Vietnamese message", resp.StatusCode, body)
	}
	if resp.Header.Get("Retry-After") == "" {
		t.Error("503 without Retry-After")
	}
}

func TestPlansAPI(t *testing.T) {
	t.Parallel()
	srv, _ := newServer(t, true)
	_, body := get(t, "GET", srv.URL+"/api/v1/plans")
	var doc struct {
		Plans []struct {
			Code         string `json:"code"`
			DecisionDate string `json:"decision_date"`
			BaselineYear int    `json:"baseline_year"`
			Targets      []struct {
				Metric string  `json:"metric"`
				Year   int     `json:"year"`
				Value  float64 `json:"value"`
			} `json:"targets"`
		} `json:"plans"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	// The seed's plan, and the demo's sample plan for the merged city.
	if len(doc.Plans) != 2 || doc.Plans[1].Code != "HP-MAU" || doc.Plans[0].DecisionDate != "2021-10-29" || doc.Plans[0].BaselineYear != 2020 || len(doc.Plans[0].Targets) != 4 {
		t.Errorf("plans = %+v", doc.Plans)
	}
}
