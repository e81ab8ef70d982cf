package server

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"industrytargets/internal/model"
)

// addRoutes lays out the whole URL surface of the application and who may
// use each part. State changes only on POST.
func addRoutes(r chi.Router, d *deps) {
	notFound := handleNotFound(d)

	// Anyone: probes, static files, signing in.
	r.Method(http.MethodGet, "/healthz", handleHealthz())
	r.Method(http.MethodGet, "/readyz", handleReadyz(d))
	r.Method(http.MethodGet, "/static/*", handleStatic(notFound))
	r.Method(http.MethodGet, "/login", handleLoginPage(d))
	r.Method(http.MethodPost, "/login", handleLogin(d))
	r.Method(http.MethodPost, "/logout", handleLogout(d))

	// The dashboard and the read-only API: viewers, or anyone when
	// PUBLIC_DASHBOARD is set.
	r.Group(func(r chi.Router) {
		r.Use(openIf(d, d.opt.PublicDashboard))
		r.Method(http.MethodGet, "/", handleOverview(d))
		r.Method(http.MethodGet, "/reports/{plan}/{year}", handleReport(d))
		r.Method(http.MethodGet, "/api/v1/plans", handleAPIPlans(d))
		r.Method(http.MethodGet, "/api/v1/plans/{code}/progress", handleAPIProgress(d))
	})

	// Every signed-in user: their own account, and the register to read.
	r.Group(func(r chi.Router) {
		r.Use(requireRole(d, model.RoleViewer))
		r.Method(http.MethodGet, "/account", handleAccount(d))
		r.Method(http.MethodPost, "/account/password", handlePasswordChange(d))
		r.Method(http.MethodGet, "/enterprises", handleEnterprises(d))
		r.Method(http.MethodGet, "/enterprises/{id}", handleEnterprise(d))
	})

	// Editors (and administrators): the register.
	r.Group(func(r chi.Router) {
		r.Use(requireRole(d, model.RoleEditor))
		r.Method(http.MethodGet, "/enterprises/new", handleEnterpriseNew(d))
		r.Method(http.MethodPost, "/enterprises", handleEnterpriseCreate(d))
		r.Method(http.MethodGet, "/enterprises/{id}/edit", handleEnterpriseEdit(d))
		r.Method(http.MethodPost, "/enterprises/{id}", handleEnterpriseUpdate(d))
		r.Method(http.MethodGet, "/enterprises/{id}/delete", handleEnterpriseDeletePage(d))
		r.Method(http.MethodPost, "/enterprises/{id}/delete", handleEnterpriseDelete(d))
	})

	// Administrators: users.
	r.Group(func(r chi.Router) {
		r.Use(requireRole(d, model.RoleAdmin))
		r.Method(http.MethodGet, "/admin/users", handleUsers(d))
		r.Method(http.MethodPost, "/admin/users", handleUserAdd(d))
		r.Method(http.MethodPost, "/admin/users/{id}/role", handleUserRole(d))
		r.Method(http.MethodPost, "/admin/users/{id}/disable", handleUserDisable(d))
		r.Method(http.MethodPost, "/admin/users/{id}/enable", handleUserEnable(d))
		r.Method(http.MethodPost, "/admin/users/{id}/end-sessions", handleUserEndSessions(d))
	})

	r.NotFound(notFound.ServeHTTP)
	r.MethodNotAllowed(handleMethodNotAllowed(d).ServeHTTP)
}
