package main

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// server is the application under test, running as its own process.
type server struct {
	cmd    *exec.Cmd
	base   string
	client *http.Client
}

// startServer starts the binary on a free port and waits until /readyz
// answers, timing start to ready.
func startServer(ctx context.Context, bin, dbURL string, r *report) (*server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, bin, "serve")
	cmd.Env = append(os.Environ(), "DATABASE_URL="+dbURL, "ADDR=127.0.0.1:"+strconv.Itoa(port),
		"SECURE_COOKIES=false", "LOG_LEVEL=warn")
	cmd.Stdout, cmd.Stderr = r.log, r.log
	s := &server{cmd: cmd, base: "http://127.0.0.1:" + strconv.Itoa(port)}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	for time.Since(start) < 30*time.Second {
		resp, err := http.Get(s.base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				r.readyMS = float64(time.Since(start).Microseconds()) / 1000
				r.add("start to ready", fmt.Sprintf("%.0f ms", r.readyMS), "process start until /readyz answers 200")
				return s, s.signIn()
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	s.stop()
	return nil, fmt.Errorf("the server was not ready within 30 s")
}

// signIn gives the load's client a viewer's session.
func (s *server) signIn() error {
	jar, _ := cookiejar.New(nil)
	s.client = &http.Client{Jar: jar, Timeout: 30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	resp, err := s.client.PostForm(s.base+"/login", url.Values{"email": {benchEmail}, "password": {benchPassword}})
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.Request.URL.Path != "/" {
		return fmt.Errorf("signing in ended at %s, not /", resp.Request.URL)
	}
	return nil
}

// peakRSSMB reads the server's peak resident memory (VmHWM) from /proc.
func (s *server) peakRSSMB() float64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

func (s *server) stop() {
	if s.cmd.Process != nil {
		s.cmd.Process.Signal(syscall.SIGTERM)
		s.cmd.Wait()
	}
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}
