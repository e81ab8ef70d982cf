// Package server answers HTTP: every route is in routes.go, handlers are
// short maker functions grouped by area, and errors are judged in one place.
package server

import (
	"log/slog"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"industrytargets/internal/store"
)

// New returns the application's handler over the store.
func New(logger *slog.Logger, st *store.Store) http.Handler {
	r := chi.NewRouter()
	// GetHead answers HEAD with the GET route, as monitors expect.
	r.Use(recoverPanics(logger), logRequests(logger), securityHeaders, middleware.GetHead)
	addRoutes(r, logger, st)
	return r
}
