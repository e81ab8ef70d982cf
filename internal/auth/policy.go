package auth

import (
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"industrytargets/internal/model"
)

// The length rule, in characters (runes), as ASVS 6.2.1 and 6.2.9 ask.
const (
	MinPasswordRunes = 12
	MaxPasswordRunes = 128
)

// The codes a PolicyError carries.
const (
	CodePasswordTooShort = "password_too_short" // Args: minimum, length given
	CodePasswordTooLong  = "password_too_long"  // Args: maximum
	CodePasswordCommon   = "password_common"
	CodePasswordIsEmail  = "password_is_email"
	CodePasswordPadded   = "password_padded" // Args: minimum, length without the outer spaces
)

// policyMessages are the words for each PolicyError code. They live here
// because internal/model's table belongs to another package; moving them
// there would let model.FieldError.Message render them too.
var policyMessages = map[string]struct{ vi, en string }{
	CodePasswordTooShort: {"mật khẩu phải có ít nhất %d ký tự (đang có %d)", "a password needs at least %d characters (this one has %d)"},
	CodePasswordTooLong:  {"mật khẩu chỉ được dài tối đa %d ký tự", "a password may be at most %d characters long"},
	CodePasswordCommon:   {"mật khẩu này quá phổ biến nên dễ bị đoán; hãy chọn mật khẩu khác, ví dụ một câu dài dễ nhớ", "this password is too common and easily guessed; choose another, such as a long sentence you can remember"},
	CodePasswordIsEmail:  {"mật khẩu không được trùng với địa chỉ thư", "the password must not be your email address"},
	CodePasswordPadded:   {"mật khẩu phải có ít nhất %d ký tự không kể khoảng trắng ở đầu và cuối (đang có %d)", "a password needs at least %d characters besides spaces at its start and end (this one has %d)"},
}

// PolicyError says why a new password is refused.
type PolicyError struct {
	Code string
	Args []any
}

// Message is the refusal in words, in lang.
func (e *PolicyError) Message(lang model.Lang) string {
	m, ok := policyMessages[e.Code]
	if !ok {
		return (&model.FieldError{Code: "invalid"}).Message(lang)
	}
	f := m.vi
	if lang == model.LangEN {
		f = m.en
	}
	if len(e.Args) == 0 {
		return f
	}
	return fmt.Sprintf(f, e.Args...)
}

// Error is the refusal in Vietnamese.
func (e *PolicyError) Error() string { return e.Message(model.LangVI) }

// As lets errors.As turn a PolicyError into a *model.FieldError with the same
// code and arguments, so model.ValidationError.AddErr records it.
func (e *PolicyError) As(target any) bool {
	fe, ok := target.(**model.FieldError)
	if ok {
		*fe = &model.FieldError{Code: e.Code, Args: e.Args}
	}
	return ok
}

// Message is err in words, in lang: the message of a *PolicyError or a
// *model.FieldError, a generic "invalid value" for any other error, and ""
// for nil.
func Message(err error, lang model.Lang) string {
	var pe *PolicyError
	var fe *model.FieldError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &pe):
		return pe.Message(lang)
	case errors.As(err, &fe):
		return fe.Message(lang)
	}
	return (&model.FieldError{Code: "invalid"}).Message(lang)
}

// CheckPassword returns a *PolicyError when pw may not become the password of
// the account with this email: fewer than MinPasswordRunes or more than
// MaxPasswordRunes characters, padded to the minimum with spaces (twelve
// spaces are no password), the email or its local part, or a common
// password. It has no composition rules and never alters pw.
func CheckPassword(pw string, email string) error {
	n := utf8.RuneCountInString(pw)
	inner := utf8.RuneCountInString(strings.TrimSpace(pw))
	switch {
	case n < MinPasswordRunes:
		return &PolicyError{Code: CodePasswordTooShort, Args: []any{MinPasswordRunes, n}}
	case inner < MinPasswordRunes:
		return &PolicyError{Code: CodePasswordPadded, Args: []any{MinPasswordRunes, inner}}
	case n > MaxPasswordRunes:
		return &PolicyError{Code: CodePasswordTooLong, Args: []any{MaxPasswordRunes}}
	case isEmail(pw, email):
		return &PolicyError{Code: CodePasswordIsEmail}
	case isCommon(pw):
		return &PolicyError{Code: CodePasswordCommon}
	}
	return nil
}

// isEmail reports whether pw is the email or its part before the @, ignoring
// case (addresses are matched that way everywhere else).
func isEmail(pw, email string) bool {
	email = strings.TrimSpace(email)
	if email == "" {
		return false
	}
	local, _, _ := strings.Cut(email, "@")
	return strings.EqualFold(pw, email) || (local != "" && strings.EqualFold(pw, local))
}

//go:embed common_passwords.txt
var commonPasswords string

// isCommon reports whether pw, lower-cased, is a line of commonPasswords. The
// lines are sorted bytewise, so a binary search over byte offsets finds it
// without building a set: each probe takes the line around the middle byte.
func isCommon(pw string) bool {
	want := strings.ToLower(pw)
	list := commonPasswords
	lo, hi := 0, len(list) // lo is always the start of a line
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := lo + strings.LastIndexByte(list[lo:mid], '\n') + 1
		end := strings.IndexByte(list[start:], '\n')
		if end < 0 {
			end = len(list)
		} else {
			end += start
		}
		switch line := list[start:end]; {
		case line == want:
			return true
		case line < want:
			lo = end + 1
		default:
			hi = start
		}
	}
	return false
}
