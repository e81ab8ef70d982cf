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
	r.Method(http.MethodPost, "/lang", handleLang(d))

	// The dashboard and the read-only API: viewers, or anyone when
	// PUBLIC_DASHBOARD is set.
	r.Group(func(r chi.Router) {
		r.Use(openIf(d, d.opt.PublicDashboard))
		r.Method(http.MethodGet, "/", handleOverview(d))
		r.Method(http.MethodGet, "/reports/{plan}/{year}", handleReport(d))
		r.Method(http.MethodGet, "/reports/{plan}/{year}.xlsx", handleReportWorkbook(d))
		r.Method(http.MethodGet, "/reports/{plan}/{year}.pdf", handleReportPDF(d))
		r.Method(http.MethodGet, "/reports/{plan}/{year}/{table}.csv", handleReportTableCSV(d))
		r.Method(http.MethodGet, "/charts/{plan}/{year}/{chart}.csv", handleChartDownload(d, chartExtCSV))
		r.Method(http.MethodGet, "/charts/{plan}/{year}/{chart}.xlsx", handleChartDownload(d, chartExtXLSX))
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
		r.Method(http.MethodGet, "/enterprises.csv", handleExportEnterprises(d, "csv"))
		r.Method(http.MethodGet, "/enterprises.xlsx", handleExportEnterprises(d, "xlsx"))
		r.Method(http.MethodGet, "/export.xlsx", handleExportRegister(d))
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
		r.Method(http.MethodGet, "/import", handleImportPage(d))
		r.Method(http.MethodPost, "/import", handleImportUpload(d)) // uploadRoute: its body cap is its own
		r.Method(http.MethodPost, "/import/{token}", handleImportConfirm(d))
		r.Method(http.MethodPost, "/import/{token}/cancel", handleImportCancel(d))
		r.Method(http.MethodGet, "/import/template.xlsx", handleImportTemplate(d))
		r.Method(http.MethodGet, "/import/template/{kind}.csv", handleImportTemplateCSV(d))
		r.Method(http.MethodGet, "/enterprises/{id}/locations/{since}/edit", handleLocationEdit(d))
		r.Method(http.MethodPost, "/enterprises/{id}/locations/{since}", handleLocationUpdate(d))
		r.Method(http.MethodGet, "/enterprises/{id}/locations/{since}/delete", handleLocationDeletePage(d))
		r.Method(http.MethodPost, "/enterprises/{id}/locations/{since}/delete", handleLocationDelete(d))
		r.Method(http.MethodGet, "/enterprises/{id}/classifications/new", handleRecordNew(d, classificationKind))
		r.Method(http.MethodPost, "/enterprises/{id}/classifications", handleRecordCreate(d, classificationKind))
		r.Method(http.MethodGet, "/enterprises/{id}/classifications/{rid}/edit", handleRecordEdit(d, classificationKind))
		r.Method(http.MethodPost, "/enterprises/{id}/classifications/{rid}", handleRecordUpdate(d, classificationKind))
		r.Method(http.MethodGet, "/enterprises/{id}/classifications/{rid}/delete", handleRecordDeletePage(d, classificationKind))
		r.Method(http.MethodPost, "/enterprises/{id}/classifications/{rid}/delete", handleRecordDelete(d, classificationKind))
		r.Method(http.MethodGet, "/enterprises/{id}/figures/new", handleRecordNew(d, figureKind))
		r.Method(http.MethodPost, "/enterprises/{id}/figures", handleRecordCreate(d, figureKind))
		r.Method(http.MethodGet, "/enterprises/{id}/figures/{rid}/edit", handleRecordEdit(d, figureKind))
		r.Method(http.MethodPost, "/enterprises/{id}/figures/{rid}", handleRecordUpdate(d, figureKind))
		r.Method(http.MethodGet, "/enterprises/{id}/figures/{rid}/delete", handleRecordDeletePage(d, figureKind))
		r.Method(http.MethodPost, "/enterprises/{id}/figures/{rid}/delete", handleRecordDelete(d, figureKind))
		r.Method(http.MethodGet, "/figures", handleGrid(d))
		r.Method(http.MethodPost, "/figures", handleGridSave(d))
		r.Method(http.MethodGet, "/figures.csv", handleGridDownload(d, chartExtCSV))
		r.Method(http.MethodGet, "/figures.xlsx", handleGridDownload(d, chartExtXLSX))
	})

	// Administrators: users, plans and targets, reference lists.
	r.Group(func(r chi.Router) {
		r.Use(requireRole(d, model.RoleAdmin))
		r.Method(http.MethodGet, "/admin/users", handleUsers(d))
		r.Method(http.MethodPost, "/admin/users", handleUserAdd(d))
		r.Method(http.MethodPost, "/admin/users/{id}/role", handleUserRole(d))
		r.Method(http.MethodPost, "/admin/users/{id}/disable", handleUserDisable(d))
		r.Method(http.MethodPost, "/admin/users/{id}/enable", handleUserEnable(d))
		r.Method(http.MethodPost, "/admin/users/{id}/end-sessions", handleUserEndSessions(d))
		r.Method(http.MethodGet, "/admin/plans", handlePlans(d))
		r.Method(http.MethodGet, "/admin/plans/new", handlePlanNew(d))
		r.Method(http.MethodPost, "/admin/plans", handlePlanCreate(d))
		r.Method(http.MethodGet, "/admin/plans/{code}/edit", handlePlanEdit(d))
		r.Method(http.MethodPost, "/admin/plans/{code}", handlePlanUpdate(d))
		r.Method(http.MethodGet, "/admin/areas", handleRefList(d, areaKind))
		r.Method(http.MethodPost, "/admin/areas", handleRefCreate(d, areaKind))
		r.Method(http.MethodGet, "/admin/areas/{id}/edit", handleRefEdit(d, areaKind))
		r.Method(http.MethodPost, "/admin/areas/{id}", handleRefUpdate(d, areaKind))
		r.Method(http.MethodGet, "/admin/zones", handleRefList(d, zoneKind))
		r.Method(http.MethodPost, "/admin/zones", handleRefCreate(d, zoneKind))
		r.Method(http.MethodGet, "/admin/zones/{id}/edit", handleRefEdit(d, zoneKind))
		r.Method(http.MethodPost, "/admin/zones/{id}", handleRefUpdate(d, zoneKind))
		r.Method(http.MethodGet, "/admin/product-groups", handleRefList(d, groupKind))
		r.Method(http.MethodPost, "/admin/product-groups", handleRefCreate(d, groupKind))
		r.Method(http.MethodGet, "/admin/product-groups/{code}/edit", handleRefEdit(d, groupKind))
		r.Method(http.MethodPost, "/admin/product-groups/{code}", handleRefUpdate(d, groupKind))
	})

	r.NotFound(notFound.ServeHTTP)
	r.MethodNotAllowed(handleMethodNotAllowed(d).ServeHTTP)
}
