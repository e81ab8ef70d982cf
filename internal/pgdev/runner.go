package pgdev

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// fallbackOSUser is the system user created when running as root on a
// machine without a "postgres" user.
const fallbackOSUser = "pgdev"

// runner runs PostgreSQL programs from binDir, as osUser when we are root
// (initdb and postgres refuse to run as root) or as ourselves when osUser
// is empty.
type runner struct {
	binDir string
	osUser string
	dir    string // working directory, readable by osUser
}

// command builds the command for program (a name in binDir, or a path).
func (r runner) command(ctx context.Context, program string, args ...string) *exec.Cmd {
	if !strings.ContainsRune(program, '/') {
		program = filepath.Join(r.binDir, program)
	}
	name, argv := program, args
	if r.osUser != "" {
		name, argv = "runuser", append([]string{"-u", r.osUser, "--", program}, args...)
	}
	cmd := exec.CommandContext(ctx, name, argv...)
	cmd.Dir = r.dir
	cmd.WaitDelay = 5 * time.Second // don't hang on a pipe a daemon kept open
	return cmd
}

// run runs program and returns its output in the error if it fails.
func (r runner) run(ctx context.Context, program string, args ...string) error {
	out, err := r.command(ctx, program, args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %w\n%s", filepath.Base(program), strings.Join(args, " "), err, strings.TrimSpace(string(out)))
	}
	return nil
}

// newRunner prepares to run binDir's programs on the cluster in dir: when
// root, it picks (or creates) the OS user and hands dir over to it.
func newRunner(ctx context.Context, dir, binDir string) (runner, error) {
	r := runner{binDir: binDir, dir: dir}
	if os.Geteuid() != 0 {
		return r, nil
	}
	u, err := clusterOSUser(ctx, filepath.Join(dir, "data"))
	if err != nil {
		return r, err
	}
	r.osUser = u.Username
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(dir, uid, gid); err != nil {
		return r, err
	}
	// The data directory, log and socket all live in dir, so the user must
	// be able to reach and write it; the parents of dir matter too.
	if err := r.run(ctx, "/usr/bin/test", "-w", dir, "-a", "-x", dir); err != nil {
		return r, fmt.Errorf("folder %s is not writable by OS user %s (make its parent folders searchable, e.g. chmod o+x, or use another folder): %w", dir, u.Username, err)
	}
	return r, nil
}

// clusterOSUser returns the owner of an existing data directory, else the
// "postgres" user, else the fallback user, created if missing.
func clusterOSUser(ctx context.Context, dataDir string) (*user.User, error) {
	if fi, err := os.Stat(dataDir); err == nil {
		uid := fi.Sys().(*syscall.Stat_t).Uid
		return user.LookupId(strconv.FormatUint(uint64(uid), 10))
	}
	if u, err := user.Lookup("postgres"); err == nil {
		return u, nil
	}
	if u, err := user.Lookup(fallbackOSUser); err == nil {
		return u, nil
	}
	out, err := exec.CommandContext(ctx, "useradd", "--system", "--no-create-home",
		"--shell", "/usr/sbin/nologin", fallbackOSUser).CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("create OS user %s to run PostgreSQL: %w\n%s", fallbackOSUser, err, out)
	}
	return user.Lookup(fallbackOSUser)
}

// exitCode returns the exit status carried by err: 0 for nil, -1 when err
// is not an exit status.
func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	return -1
}
