package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"industrytargets/internal/auth"
	"industrytargets/internal/config"
	"industrytargets/internal/server"
	"industrytargets/internal/store"
)

func runServe(ctx context.Context, e env, cfg config.Config, args []string) error {
	fs := newFlags("serve", "serve [--addr :8080] [--database-url URL]", e.stderr)
	cfg.ServeFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := cfg.RequireDatabase(); err != nil {
		return usageError{err}
	}
	logger := cfg.Logger(e.stderr)
	start := time.Now()
	if err := store.MigrateUp(cfg.DatabaseURL); err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.DatabaseURL, store.Options{MaxConns: cfg.MaxDBConns})
	if err != nil {
		return err
	}
	defer st.Close()
	proxies, err := auth.ParseTrustedProxies(cfg.TrustedProxies)
	if err != nil {
		return usageError{fmt.Errorf("TRUSTED_PROXIES: %w", err)}
	}
	opt := server.Options{
		SecureCookies: cfg.SecureCookies, SessionIdle: cfg.SessionIdle, SessionLifetime: cfg.SessionLifetime,
		PublicDashboard: cfg.PublicDashboard, TrustedProxies: proxies, SessionCleanup: 5 * time.Minute,
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	srv := &http.Server{
		Handler:           server.New(logger, st, opt),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	logger.Info("serving", "addr", ln.Addr().String(), "startup_ms", time.Since(start).Milliseconds())
	fmt.Fprintf(e.stdout, "listening on http://%s\n", displayAddr(ln.Addr()))
	return serveUntilDone(ctx, srv, ln, cfg.ShutdownTimeout, logger)
}

// serveUntilDone serves until ctx ends, then lets in-flight requests finish
// within timeout before returning.
func serveUntilDone(ctx context.Context, srv *http.Server, ln net.Listener, timeout time.Duration, logger *slog.Logger) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	logger.Info("shutting down", "timeout", timeout.String())
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), timeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		// Out of time: cut the remaining connections so the process ends.
		srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	logger.Info("stopped")
	return nil
}

// displayAddr turns a listening address into one a browser can open:
// an unspecified host becomes localhost.
func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}
