package server

import (
	"errors"

	"industrytargets/internal/model"
)

// asValidation reports whether err lists bad fields, and finds the list.
func asValidation(err error, v **model.ValidationError) bool { return errors.As(err, v) }

// isDuplicate reports whether err means the key typed is another record's
// (and not that the record changed meanwhile).
func isDuplicate(err error) bool {
	return errors.Is(err, model.ErrConflict) && !errors.Is(err, model.ErrStale)
}

// isMissingChoice reports whether the database refused a reference the
// form chose (removed from its list meanwhile) or a value the model let
// through.
func isMissingChoice(err error) bool {
	return errors.Is(err, model.ErrNotFound) || errors.Is(err, model.ErrInvalid)
}
