package auth

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"industrytargets/internal/model"
)

func TestCheckPassword(t *testing.T) {
	const email = "Nguyen.Van.An@sct.haiduong.gov.vn"
	tests := []struct {
		name, pw string
		code     string // "" means accepted
	}{
		{"11 runes, multi-byte", "ăâêôơưđáàảã", CodePasswordTooShort},
		{"12 runes, multi-byte", "ăâêôơưđáàảãạ", ""},
		{"12 runes of 4 bytes", strings.Repeat("😀", 12), ""},
		{"11 bytes would not matter: 6 runes", "ắằẳẵặấ", CodePasswordTooShort},
		{"empty", "", CodePasswordTooShort},
		{"128 runes", strings.Repeat("ư", 128), ""},
		{"129 runes", strings.Repeat("ư", 129), CodePasswordTooLong},
		{"129 ASCII", strings.Repeat("a", 129), CodePasswordTooLong},
		{"common", "qwertyuiopasdfghjkl", CodePasswordCommon},
		{"common, other case", "QwErTy123456", CodePasswordCommon},
		{"common, all capitals", "1QAZ2WSX3EDC", CodePasswordCommon},
		{"common with a space added", "qwerty123456 ", ""},
		{"the email", email, CodePasswordIsEmail},
		{"the email, other case", strings.ToLower(email), CodePasswordIsEmail},
		{"the local part", "nguyen.van.an", CodePasswordIsEmail},
		{"contains the local part", "nguyen.van.an đi làm", ""},
		{"a passphrase", "con mèo trèo cây cau", ""},
		{"spaces only", "            ", CodePasswordPadded},
		{"padded to 12 with spaces", "  mèo trèo  ", CodePasswordPadded},
		{"spaces inside count, no composition rules", "a          b", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckPassword(tt.pw, email)
			var got string
			var pe *PolicyError
			if errors.As(err, &pe) {
				got = pe.Code
			} else if err != nil {
				t.Fatalf("CheckPassword error %v is not a *PolicyError", err)
			}
			if got != tt.code {
				t.Errorf("CheckPassword(%q) = %q, want %q", tt.pw, got, tt.code)
			}
		})
	}
}

func TestMessage(t *testing.T) {
	tests := []struct {
		name string
		err  error
		lang model.Lang
		want string
	}{
		{"nil", nil, model.LangVI, ""},
		{"policy, vi", CheckPassword("qwerty123456", ""), model.LangVI, "mật khẩu này quá phổ biến nên dễ bị đoán; hãy chọn mật khẩu khác, ví dụ một câu dài dễ nhớ"},
		{"policy, en", CheckPassword("an@example.vn", "an@example.vn"), model.LangEN, "the password must not be your email address"},
		{"wrapped", fmt.Errorf("new password: %w", &PolicyError{Code: CodePasswordTooLong, Args: []any{128}}), model.LangEN, "a password may be at most 128 characters long"},
		{"field error", &model.FieldError{Code: "required"}, model.LangEN, "is required"},
		{"other", errors.New("boom"), model.LangEN, "invalid value"},
	}
	for _, tt := range tests {
		if got := Message(tt.err, tt.lang); got != tt.want {
			t.Errorf("%s: Message = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestCheckPasswordNoEmail(t *testing.T) {
	if err := CheckPassword("một mật khẩu đủ dài", ""); err != nil {
		t.Errorf("CheckPassword with no email = %v, want nil", err)
	}
}

func TestPolicyErrorMessages(t *testing.T) {
	err := CheckPassword("ngắn quá", "")
	var pe *PolicyError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v is not a *PolicyError", err)
	}
	if got, want := pe.Message(model.LangVI), "mật khẩu phải có ít nhất 12 ký tự (đang có 8)"; got != want {
		t.Errorf("vi: got %q, want %q", got, want)
	}
	if got, want := pe.Message(model.LangEN), "a password needs at least 12 characters (this one has 8)"; got != want {
		t.Errorf("en: got %q, want %q", got, want)
	}
	if got, want := err.Error(), pe.Message(model.LangVI); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	for code := range policyMessages {
		if m := (&PolicyError{Code: code, Args: []any{1, 2}[:argCount(code)]}).Message(model.LangEN); strings.Contains(m, "%!") {
			t.Errorf("message for %s is malformed: %q", code, m)
		}
	}
}

func argCount(code string) int {
	switch code {
	case CodePasswordTooShort, CodePasswordPadded:
		return 2
	case CodePasswordTooLong:
		return 1
	}
	return 0
}

// A handler can record a policy error on a form like any other field error.
func TestPolicyErrorAsFieldError(t *testing.T) {
	var v model.ValidationError
	v.AddErr("password", CheckPassword(strings.Repeat("a", 200), ""))
	f, ok := v.Field("password")
	if !ok || f.Code != CodePasswordTooLong || !slices.Equal(f.Args, []any{MaxPasswordRunes}) {
		t.Errorf("recorded %+v, %v; want code %s with %d", f, ok, CodePasswordTooLong, MaxPasswordRunes)
	}
}

// The binary search relies on the embedded list being lower-case, sorted
// bytewise without duplicates, one password a line.
func TestCommonPasswordList(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(commonPasswords, "\n"), "\n")
	if len(lines) < 10_000 {
		t.Errorf("list has %d passwords, want at least 10,000", len(lines))
	}
	for i, l := range lines {
		n := utf8.RuneCountInString(l)
		if l != strings.ToLower(l) || n < MinPasswordRunes || n > MaxPasswordRunes || (i > 0 && lines[i-1] >= l) {
			t.Fatalf("line %d %q is out of order, not lower-case or of the wrong length", i+1, l)
		}
	}
	for _, i := range []int{0, 1, len(lines) / 2, len(lines) - 2, len(lines) - 1} {
		if !isCommon(lines[i]) || !isCommon(strings.ToUpper(lines[i])) {
			t.Errorf("isCommon(%q) = false, want true", lines[i])
		}
	}
	for _, pw := range []string{"", "!", "~~~~~~~~~~~~~~~~~~~~~", lines[0][:len(lines[0])-1], lines[len(lines)-1] + "x"} {
		if isCommon(pw) {
			t.Errorf("isCommon(%q) = true, want false", pw)
		}
	}
}

func BenchmarkIsCommon(b *testing.B) {
	for b.Loop() {
		isCommon("con mèo trèo cây cau")
	}
}
