package model

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNotFound means the record asked for does not exist.
var ErrNotFound = errors.New("not found")

// ErrConflict means the write clashes with what is stored: a duplicate key,
// or a record changed by someone else since it was read (a stale version).
var ErrConflict = errors.New("conflict")

// ErrInUse means a record cannot be removed because others refer to it.
var ErrInUse = errors.New("in use")

// Lang is a language the program speaks.
type Lang string

// The languages of the interface; Vietnamese is the default.
const (
	LangVI Lang = "vi"
	LangEN Lang = "en"
)

// FieldError says what is wrong with one field. Code names the problem,
// Args fill in its message.
type FieldError struct {
	Field string
	Code  string
	Args  []any
}

// Message is the field error in words, in lang.
func (e FieldError) Message(lang Lang) string {
	m, ok := messages[e.Code]
	if !ok {
		m = messages["invalid"]
		return map[bool]string{true: m.en, false: m.vi}[lang == LangEN]
	}
	f := m.vi
	if lang == LangEN {
		f = m.en
	}
	if len(e.Args) == 0 {
		return strings.ReplaceAll(f, "%%", "%") // written as a format, like the others
	}
	return fmt.Sprintf(f, e.Args...)
}

// ValidationError lists every problem found in one record.
type ValidationError struct {
	Fields []FieldError
}

// Error lists the problems in Vietnamese.
func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Field + ": " + f.Message(LangVI)
	}
	return "dữ liệu không hợp lệ: " + strings.Join(parts, "; ")
}

// Add records a problem with field.
func (e *ValidationError) Add(field, code string, args ...any) {
	e.Fields = append(e.Fields, FieldError{Field: field, Code: code, Args: args})
}

// AddErr records err as a problem with field when err is a *FieldError
// (as the parsers return); any other non-nil error is recorded as invalid.
func (e *ValidationError) AddErr(field string, err error) {
	if err == nil {
		return
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		e.Fields = append(e.Fields, FieldError{Field: field, Code: fe.Code, Args: fe.Args})
		return
	}
	e.Add(field, "invalid")
}

// Field returns the first problem with field, if any.
func (e *ValidationError) Field(field string) (FieldError, bool) {
	for _, f := range e.Fields {
		if f.Field == field {
			return f, true
		}
	}
	return FieldError{}, false
}

// OrNil returns e when it holds a problem and nil otherwise, so a validator
// can end with `return v.OrNil()`.
func (e *ValidationError) OrNil() error {
	if len(e.Fields) == 0 {
		return nil
	}
	return e
}

// Error makes a lone FieldError usable as an error (the parsers return one).
func (e *FieldError) Error() string { return e.Message(LangVI) }

func fieldErr(code string, args ...any) error {
	return &FieldError{Code: code, Args: args}
}

// ErrInvalid means the database refused a value the model should have caught.
var ErrInvalid = errors.New("invalid")

// ErrStale means the record was changed by someone else since it was read:
// the version sent no longer matches. It is a kind of ErrConflict.
var ErrStale = fmt.Errorf("%w: changed by someone else since it was read", ErrConflict)

// ErrUnavailable means the database cannot be reached just now; the request
// may succeed if tried again shortly.
var ErrUnavailable = errors.New("database unavailable")

// ErrLastAdmin means a change would leave no active administrator.
var ErrLastAdmin = fmt.Errorf("%w: it would leave no active administrator", ErrConflict)
