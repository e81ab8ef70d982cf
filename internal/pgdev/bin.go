package pgdev

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// debianBinGlob matches the program folders of Debian's PostgreSQL packages.
const debianBinGlob = "/usr/lib/postgresql/*/bin"

// defaultBinDirs lists the folder of initdb on PATH, then Debian's program
// folders from the newest version down.
func defaultBinDirs() []string {
	var dirs []string
	if p, err := exec.LookPath("initdb"); err == nil {
		dirs = append(dirs, filepath.Dir(p))
	}
	matches, _ := filepath.Glob(debianBinGlob) // the pattern is valid
	return append(dirs, newestFirst(matches)...)
}

// findBinDir returns the first of dirs that holds both initdb and pg_ctl.
func findBinDir(dirs []string) (string, bool) {
	for _, d := range dirs {
		if isExecutable(filepath.Join(d, "initdb")) && isExecutable(filepath.Join(d, "pg_ctl")) {
			return d, true
		}
	}
	return "", false
}

// isExecutable reports whether path is a file someone may execute.
func isExecutable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0
}

// newestFirst sorts folders like /usr/lib/postgresql/15/bin by the version
// number in them, highest first ("9.6" < "15").
func newestFirst(dirs []string) []string {
	dirs = slices.Clone(dirs)
	slices.SortStableFunc(dirs, func(a, b string) int {
		return slices.Compare(dirVersion(b), dirVersion(a))
	})
	return dirs
}

// dirVersion parses the version folder above bin: ".../15/bin" → [15].
func dirVersion(dir string) []int {
	var v []int
	for _, part := range strings.Split(filepath.Base(filepath.Dir(dir)), ".") {
		n, err := strconv.Atoi(part)
		if err != nil {
			return nil
		}
		v = append(v, n)
	}
	return v
}
