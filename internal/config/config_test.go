package config

import (
	"strings"
	"testing"
	"time"
)

func TestLoadDefaults(t *testing.T) {
	c, err := Load(func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":8080" || !c.SecureCookies || c.PublicDashboard || c.SessionIdle != 30*time.Minute ||
		c.SessionLifetime != 12*time.Hour || c.ShutdownTimeout != 20*time.Second {
		t.Errorf("defaults = %+v", c)
	}
}

func TestLoadRejectsBadValues(t *testing.T) {
	tests := []struct{ key, value, want string }{
		{"SECURE_COOKIES", "maybe", "SECURE_COOKIES"},
		{"SESSION_IDLE_TIMEOUT", "soon", "SESSION_IDLE_TIMEOUT"},
		{"SESSION_IDLE_TIMEOUT", "13h", "longer than SESSION_LIFETIME"},
		{"LOG_FORMAT", "xml", "LOG_FORMAT"},
		{"LOG_LEVEL", "loud", "LOG_LEVEL"},
		{"DB_MAX_CONNS", "0", "DB_MAX_CONNS"},
		{"SHUTDOWN_TIMEOUT", "-1s", "SHUTDOWN_TIMEOUT"},
	}
	for _, tt := range tests {
		_, err := Load(func(k string) string {
			if k == tt.key {
				return tt.value
			}
			return ""
		})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s=%s: err = %v, want one naming %s", tt.key, tt.value, err, tt.want)
		}
	}
}
