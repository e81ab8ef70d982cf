// Package config reads the program's settings once, from the environment
// with flags on top, into one struct that is passed down.
package config

import (
	"cmp"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"
)

// Config holds every setting of the program.
type Config struct {
	DatabaseURL     string        // DATABASE_URL
	Addr            string        // ADDR, default :8080
	LogFormat       string        // LOG_FORMAT: text (default) or json
	LogLevel        slog.Level    // LOG_LEVEL: debug, info (default), warn, error
	ShutdownTimeout time.Duration // SHUTDOWN_TIMEOUT, default 20s: how long in-flight requests may finish
	MaxDBConns      int32         // DB_MAX_CONNS, default 0: pgx's own default

	SecureCookies   bool          // SECURE_COOKIES, default true: cookies only over HTTPS, HSTS sent
	SessionIdle     time.Duration // SESSION_IDLE_TIMEOUT, default 30m
	SessionLifetime time.Duration // SESSION_LIFETIME, default 12h
	PublicDashboard bool          // PUBLIC_DASHBOARD, default false: overview, report and API open to anyone
	TrustedProxies  string        // TRUSTED_PROXIES: CIDRs whose X-Forwarded-For is believed
}

// Load reads the environment through getenv and checks the values.
func Load(getenv func(string) string) (Config, error) {
	c := Config{
		DatabaseURL: getenv("DATABASE_URL"),
		Addr:        cmp.Or(getenv("ADDR"), ":8080"),
		LogFormat:   cmp.Or(getenv("LOG_FORMAT"), "text"),
	}
	var err error
	if c.ShutdownTimeout, err = duration(getenv, "SHUTDOWN_TIMEOUT", 20*time.Second); err != nil {
		return c, err
	}
	if c.SessionIdle, err = duration(getenv, "SESSION_IDLE_TIMEOUT", 30*time.Minute); err != nil {
		return c, err
	}
	if c.SessionLifetime, err = duration(getenv, "SESSION_LIFETIME", 12*time.Hour); err != nil {
		return c, err
	}
	if c.SecureCookies, err = boolean(getenv, "SECURE_COOKIES", true); err != nil {
		return c, err
	}
	if c.PublicDashboard, err = boolean(getenv, "PUBLIC_DASHBOARD", false); err != nil {
		return c, err
	}
	c.TrustedProxies = getenv("TRUSTED_PROXIES")
	if err := c.LogLevel.UnmarshalText([]byte(cmp.Or(getenv("LOG_LEVEL"), "info"))); err != nil {
		return c, fmt.Errorf("LOG_LEVEL: %w", err)
	}
	if v := getenv("DB_MAX_CONNS"); v != "" {
		var n int32
		if _, err := fmt.Sscan(v, &n); err != nil || n < 1 {
			return c, fmt.Errorf("DB_MAX_CONNS: %q is not a positive number", v)
		}
		c.MaxDBConns = n
	}
	return c, c.check()
}

func duration(getenv func(string) string, key string, def time.Duration) (time.Duration, error) {
	v := getenv(key)
	if v == "" {
		return def, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%s: %q is not a positive duration such as 20s", key, v)
	}
	return d, nil
}

func boolean(getenv func(string) string, key string, def bool) (bool, error) {
	v := getenv(key)
	if v == "" {
		return def, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, fmt.Errorf("%s: %q is neither true nor false", key, v)
	}
	return b, nil
}

func (c Config) check() error {
	if c.SessionIdle > c.SessionLifetime {
		return fmt.Errorf("SESSION_IDLE_TIMEOUT (%s) is longer than SESSION_LIFETIME (%s)", c.SessionIdle, c.SessionLifetime)
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return fmt.Errorf("LOG_FORMAT: %q is neither text nor json", c.LogFormat)
	}
	return nil
}

// DatabaseFlag adds --database-url to fs, defaulting to the environment.
func (c *Config) DatabaseFlag(fs *flag.FlagSet) {
	// A Func flag prints no default, so -h never shows a password from the
	// environment.
	fs.Func("database-url", "PostgreSQL address (default: env DATABASE_URL)", func(s string) error {
		c.DatabaseURL = s
		return nil
	})
}

// ServeFlags adds the server's flags to fs, defaulting to the environment.
func (c *Config) ServeFlags(fs *flag.FlagSet) {
	c.DatabaseFlag(fs)
	fs.StringVar(&c.Addr, "addr", c.Addr, "address to listen on (env ADDR)")
	fs.DurationVar(&c.ShutdownTimeout, "shutdown-timeout", c.ShutdownTimeout, "time in-flight requests get to finish on shutdown (env SHUTDOWN_TIMEOUT)")
}

// RequireDatabase reports a clear error when no database address is set.
func (c Config) RequireDatabase() error {
	if strings.TrimSpace(c.DatabaseURL) == "" {
		return fmt.Errorf("no database: set DATABASE_URL or --database-url (for example postgres://postgres@127.0.0.1:5432/industrytargets?sslmode=disable); `make run` finds or starts one for you")
	}
	return nil
}

// Logger builds the program's logger writing to w.
func (c Config) Logger(w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: c.LogLevel}
	if c.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
