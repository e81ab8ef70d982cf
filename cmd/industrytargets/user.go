package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"strings"

	"industrytargets/internal/auth"
	"industrytargets/internal/config"
	"industrytargets/internal/model"
	"industrytargets/internal/store"
)

const userSynopsis = `user add EMAIL --role viewer|editor|admin [--name NAME]   (password on standard input)
       industrytargets user passwd EMAIL                                          (password on standard input)
       industrytargets user disable|enable EMAIL
       industrytargets user list
       industrytargets user init-admin [--email EMAIL]   (first admin with a random password, printed once)`

func runUser(ctx context.Context, e env, cfg config.Config, args []string) error {
	fs := newFlags("user", userSynopsis, e.stderr)
	cfg.DatabaseFlag(fs)
	role := fs.String("role", "", "role of a new user: viewer, editor or admin")
	name := fs.String("name", "", "full name of a new user")
	email := fs.String("email", "admin@localhost.localdomain", "email of the first admin (init-admin)")
	words, err := parseWords(fs, args)
	if err != nil {
		return err
	}
	if len(words) == 0 {
		fs.Usage()
		return usageError{errors.New("user needs an action: add, passwd, disable, enable, list or init-admin")}
	}
	action, rest := words[0], words[1:]
	want := map[string]int{"add": 1, "passwd": 1, "disable": 1, "enable": 1, "list": 0, "init-admin": 0}
	n, ok := want[action]
	if !ok || len(rest) != n {
		fs.Usage()
		return usageError{fmt.Errorf("user %s: wrong action or number of arguments", action)}
	}
	if action == "add" && !model.Role(*role).Valid() {
		return usageError{fmt.Errorf("--role must be viewer, editor or admin, got %q", *role)}
	}
	if err := cfg.RequireDatabase(); err != nil {
		return usageError{err}
	}
	if err := store.MigrateUp(cfg.DatabaseURL); err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.DatabaseURL, store.Options{MaxConns: 2})
	if err != nil {
		return err
	}
	defer st.Close()
	u := users{e: e, st: st, hasher: auth.NewHasher()}
	switch action {
	case "add":
		return u.add(ctx, rest[0], *name, model.Role(*role))
	case "passwd":
		return u.passwd(ctx, rest[0])
	case "disable", "enable":
		return u.setDisabled(ctx, rest[0], action == "disable")
	case "list":
		return u.list(ctx)
	}
	return u.initAdmin(ctx, *email)
}

type users struct {
	e      env
	st     *store.Store
	hasher *auth.Hasher
}

// readPassword reads one line from standard input and checks it against the
// password rules.
func (u users) readPassword(email string) (string, error) {
	line, err := bufio.NewReader(u.e.stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", usageError{errors.New("no password on standard input")}
	}
	pw := strings.TrimRight(line, "\r\n")
	if err := auth.CheckPassword(pw, email); err != nil {
		return "", usageError{fmt.Errorf("password refused: %s", auth.Message(err, model.LangEN))}
	}
	return pw, nil
}

func (u users) add(ctx context.Context, email, name string, role model.Role) error {
	pw, err := u.readPassword(email)
	if err != nil {
		return err
	}
	hash, err := u.hasher.Hash(pw)
	if err != nil {
		return err
	}
	// A password an administrator chose is the user's to change on first
	// sign-in, as one set on the users page is.
	nu := model.User{Email: email, Name: name, Role: role, PasswordHash: hash, MustChangePassword: true}
	if err := u.st.CreateUser(ctx, &nu, 0); err != nil {
		if errors.Is(err, model.ErrConflict) {
			return usageError{fmt.Errorf("a user with email %s already exists", email)}
		}
		var v *model.ValidationError
		if errors.As(err, &v) {
			return usageError{err}
		}
		return err
	}
	fmt.Fprintf(u.e.stdout, "added %s as %s\n", nu.Email, nu.Role)
	return nil
}

func (u users) find(ctx context.Context, email string) (model.User, error) {
	usr, err := u.st.UserByEmail(ctx, email)
	if errors.Is(err, model.ErrNotFound) {
		return usr, usageError{fmt.Errorf("no user with email %s", email)}
	}
	return usr, err
}

func (u users) passwd(ctx context.Context, email string) error {
	usr, err := u.find(ctx, email)
	if err != nil {
		return err
	}
	pw, err := u.readPassword(usr.Email)
	if err != nil {
		return err
	}
	hash, err := u.hasher.Hash(pw)
	if err != nil {
		return err
	}
	if err := u.st.SetPassword(ctx, usr.ID, hash, true, false, 0); err != nil {
		return err
	}
	fmt.Fprintf(u.e.stdout, "password of %s changed; their sessions have ended\n", usr.Email)
	return nil
}

func (u users) setDisabled(ctx context.Context, email string, disabled bool) error {
	usr, err := u.find(ctx, email)
	if err != nil {
		return err
	}
	if err := u.st.SetDisabled(ctx, usr.ID, disabled, 0); err != nil {
		return err
	}
	if disabled {
		fmt.Fprintf(u.e.stdout, "disabled %s; their sessions have ended\n", usr.Email)
	} else {
		fmt.Fprintf(u.e.stdout, "enabled %s\n", usr.Email)
	}
	return nil
}

func (u users) list(ctx context.Context) error {
	all, err := u.st.Users(ctx)
	if err != nil {
		return err
	}
	for _, usr := range all {
		state := "active"
		if usr.DisabledAt != nil {
			state = "disabled"
		}
		fmt.Fprintf(u.e.stdout, "%s\t%s\t%s\n", usr.Email, usr.Role, state)
	}
	return nil
}

// initAdmin creates the first administrator, only while there are no users,
// with a random password printed this once.
func (u users) initAdmin(ctx context.Context, email string) error {
	n, err := u.st.CountUsers(ctx)
	if err != nil {
		return err
	}
	if n > 0 {
		fmt.Fprintf(u.e.stdout, "users exist already (%d); no account created\n", n)
		return nil
	}
	pw := auth.RandomPassword()
	hash, err := u.hasher.Hash(pw)
	if err != nil {
		return err
	}
	admin := model.User{Email: email, Name: "Quản trị viên", Role: model.RoleAdmin, PasswordHash: hash, MustChangePassword: true}
	if err := u.st.CreateUser(ctx, &admin, 0); err != nil {
		return err
	}
	fmt.Fprintf(u.e.stdout, "created the first administrator\n  email:    %s\n  password: %s\n(shown once: sign in with it, then choose your own password as the page asks)\n", admin.Email, pw)
	return nil
}
