package server

import (
	"log/slog"
	"net/http"

	"github.com/go-chi/chi/v5"

	"industrytargets/internal/store"
)

// addRoutes lays out the whole URL surface of the application.
func addRoutes(r chi.Router, logger *slog.Logger, st *store.Store) {
	notFound := handleNotFound(logger, st)

	// Open to anyone: load balancers and monitors probe these.
	r.Method(http.MethodGet, "/healthz", handleHealthz())
	r.Method(http.MethodGet, "/readyz", handleReadyz(logger, st))
	r.Method(http.MethodGet, "/static/*", handleStatic(notFound))

	r.Method(http.MethodGet, "/", handleHome(logger, st))

	// The read-only JSON API for other systems.
	r.Method(http.MethodGet, "/api/v1/plans", handleAPIPlans(logger, st))
	r.Method(http.MethodGet, "/api/v1/plans/{code}/progress", handleAPIProgress(logger, st))

	r.NotFound(notFound.ServeHTTP)
	r.MethodNotAllowed(handleMethodNotAllowed(logger, st).ServeHTTP)
}
