// Package apperr is the small closed set of failures the domain reports.
// The HTTP layer maps each Kind to one status in one table; nothing else
// in the code base knows about HTTP.
package apperr

import (
	"errors"
	"fmt"
	"time"
)

// Kind classifies a failure the caller can act on.
type Kind int

const (
	KindInvalid       Kind = iota + 1 // malformed input (400)
	KindUnauthorized                  // missing or bad credentials (401)
	KindForbidden                     // authenticated but not allowed (403)
	KindNotFound                      // no such object visible to the caller (404)
	KindConflict                      // the object's state forbids it, or a duplicate (409)
	KindUnprocessable                 // well-formed but breaks a rule (422)
	KindRateLimited                   // too many attempts (429)
	KindUnavailable                   // a dependency is down (503)
)

// FieldError names one invalid input field.
type FieldError struct {
	Field   string
	Message string
}

// Error is a domain failure with a stable slug (used as the problem type).
type Error struct {
	Kind       Kind
	Slug       string // e.g. "insufficient-funds"
	Title      string
	Detail     string
	Fields     []FieldError
	RetryAfter time.Duration
}

func (e *Error) Error() string {
	if e.Detail != "" {
		return e.Title + ": " + e.Detail
	}
	return e.Title
}

func newErr(k Kind, slug, title, format string, args ...any) *Error {
	detail := format
	if len(args) > 0 {
		detail = fmt.Sprintf(format, args...)
	}
	return &Error{Kind: k, Slug: slug, Title: title, Detail: detail}
}

// NotFound reports an object that does not exist or that the caller may not see.
func NotFound(what string) *Error {
	return newErr(KindNotFound, "not-found", "Not found", "%s not found", what)
}

// Conflict reports a request the current state does not allow.
func Conflict(slug, format string, args ...any) *Error {
	return newErr(KindConflict, slug, "Conflict", format, args...)
}

// Unprocessable reports a rule violation; fields optional.
func Unprocessable(slug, title, format string, args ...any) *Error {
	return newErr(KindUnprocessable, slug, title, format, args...)
}

// Field reports one invalid field as a 422.
func Field(field, message string) *Error {
	e := newErr(KindUnprocessable, "validation", "Invalid request", "%s %s", field, message)
	e.Fields = []FieldError{{Field: field, Message: message}}
	return e
}

// Forbidden reports an operation the caller's role does not allow.
func Forbidden(format string, args ...any) *Error {
	return newErr(KindForbidden, "forbidden", "Forbidden", format, args...)
}

// Unauthorized reports missing or invalid credentials.
func Unauthorized(format string, args ...any) *Error {
	return newErr(KindUnauthorized, "unauthorized", "Unauthorized", format, args...)
}

// Invalid reports malformed input.
func Invalid(format string, args ...any) *Error {
	return newErr(KindInvalid, "bad-request", "Bad request", format, args...)
}

// RateLimited reports too many attempts.
func RateLimited(retryAfter time.Duration, format string, args ...any) *Error {
	e := newErr(KindRateLimited, "rate-limited", "Too many requests", format, args...)
	e.RetryAfter = retryAfter
	return e
}

// Unavailable reports a dependency outage.
func Unavailable(format string, args ...any) *Error {
	return newErr(KindUnavailable, "unavailable", "Service unavailable", format, args...)
}

// As extracts an *Error from err.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// Is reports whether err is a domain error of kind k.
func Is(err error, k Kind) bool {
	e, ok := As(err)
	return ok && e.Kind == k
}
