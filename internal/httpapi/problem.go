package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/labstack/echo/v4"

	api "github.com/acme/lending/gen/api"
	"github.com/acme/lending/internal/apperr"
	"github.com/acme/lending/internal/database"
)

const problemBase = "https://lending.example/problems/"

// statusOf is the one table from domain failure to HTTP status.
var statusOf = map[apperr.Kind]int{
	apperr.KindInvalid:       http.StatusBadRequest,
	apperr.KindUnauthorized:  http.StatusUnauthorized,
	apperr.KindForbidden:     http.StatusForbidden,
	apperr.KindNotFound:      http.StatusNotFound,
	apperr.KindConflict:      http.StatusConflict,
	apperr.KindUnprocessable: http.StatusUnprocessableEntity,
	apperr.KindRateLimited:   http.StatusTooManyRequests,
	apperr.KindUnavailable:   http.StatusServiceUnavailable,
}

// writeProblem renders an RFC 9457 document.
func writeProblem(c echo.Context, p api.Problem) error {
	c.Response().Header().Set(echo.HeaderContentType, "application/problem+json")
	c.Response().WriteHeader(p.Status)
	return json.NewEncoder(c.Response()).Encode(p)
}

func problemFromDomain(e *apperr.Error) api.Problem {
	p := api.Problem{
		Type:   problemBase + e.Slug,
		Title:  e.Title,
		Status: statusOf[e.Kind],
		Detail: &e.Detail,
	}
	if len(e.Fields) > 0 {
		fes := make([]api.FieldError, len(e.Fields))
		for i, f := range e.Fields {
			fes[i] = api.FieldError{Field: f.Field, Message: f.Message}
		}
		p.Errors = &fes
	}
	return p
}

func simpleProblem(status int, slug, detail string) api.Problem {
	return api.Problem{Type: problemBase + slug, Title: http.StatusText(status), Status: status, Detail: &detail}
}

// errorHandler is Echo's single exit for failures: domain errors, Echo's
// own (404, 405, 413), validation errors and unexpected ones (500, logged,
// never shown).
func errorHandler(log *slog.Logger) echo.HTTPErrorHandler {
	return func(err error, c echo.Context) {
		if c.Response().Committed {
			return
		}
		err = database.Classify(err)
		var p api.Problem
		var he *echo.HTTPError
		if de, ok := apperr.As(err); ok {
			p = problemFromDomain(de)
			if de.RetryAfter > 0 {
				c.Response().Header().Set("Retry-After", strconv.Itoa(int(de.RetryAfter.Seconds())))
			}
		} else if errors.As(err, &he) {
			p = problemFromHTTPError(he)
		} else {
			log.ErrorContext(c.Request().Context(), "unhandled error", "err", err, "path", c.Path())
			p = simpleProblem(http.StatusInternalServerError, "internal", "an unexpected error occurred; it has been logged")
		}
		if p.Status >= 500 {
			log.WarnContext(c.Request().Context(), "server error", "status", p.Status, "err", err)
		}
		if c.Request().Method == http.MethodHead {
			_ = c.NoContent(p.Status)
			return
		}
		_ = writeProblem(c, p)
	}
}

func problemFromHTTPError(he *echo.HTTPError) api.Problem {
	if de, ok := apperr.As(he.Internal); ok {
		return problemFromDomain(de)
	}
	msg := http.StatusText(he.Code)
	if s, ok := he.Message.(string); ok && s != "" {
		msg = s
	}
	switch he.Code {
	case http.StatusRequestEntityTooLarge:
		return simpleProblem(he.Code, "too-large", "the request body is too large")
	case http.StatusNotFound:
		return simpleProblem(he.Code, "not-found", "no such resource")
	case http.StatusMethodNotAllowed:
		return simpleProblem(he.Code, "method-not-allowed", "method not allowed on this resource")
	case http.StatusUnsupportedMediaType:
		return simpleProblem(he.Code, "unsupported-media-type", msg)
	case http.StatusBadRequest:
		return classifyRequestError(he, msg)
	}
	if he.Code >= 500 {
		return simpleProblem(he.Code, "internal", "an unexpected error occurred")
	}
	return simpleProblem(he.Code, strings.ReplaceAll(strings.ToLower(http.StatusText(he.Code)), " ", "-"), msg)
}

// classifyRequestError splits the validator's 400s: a body or parameter
// that breaks the schema is 422 listing every offending field; a wrong
// Content-Type is 415; unparsable input stays 400.
func classifyRequestError(he *echo.HTTPError, msg string) api.Problem {
	var fields []api.FieldError
	status, detail := http.StatusUnprocessableEntity, ""
	for _, err := range flatten(he.Internal) {
		var re *openapi3filter.RequestError
		if !errors.As(err, &re) {
			return simpleProblem(http.StatusBadRequest, "bad-request", msg)
		}
		if re.Parameter != nil && re.Parameter.In == openapi3.ParameterInPath {
			// /api/loans/export: no resource has such an id, so no resource is at this URL.
			return simpleProblem(http.StatusNotFound, "not-found",
				fmt.Sprintf("nothing at this path: its %s is not a valid id", re.Parameter.Name))
		}
		if strings.HasPrefix(re.Reason, "header Content-Type") {
			return simpleProblem(http.StatusUnsupportedMediaType, "unsupported-media-type",
				"send one of the content types the operation documents (usually application/json)")
		}
		schemaErrs := 0
		for _, inner := range flatten(re.Err) {
			var se *openapi3.SchemaError
			if !errors.As(inner, &se) {
				continue
			}
			schemaErrs++
			field := strings.Join(se.JSONPointer(), ".")
			if re.Parameter != nil {
				field = re.Parameter.Name
			}
			if field == "" {
				field = "body"
			}
			field, message := fieldMessage(field, se)
			if fe := (api.FieldError{Field: field, Message: message}); !slices.Contains(fields, fe) {
				fields = append(fields, fe)
			}
		}
		if schemaErrs == 0 {
			// Not a schema violation: malformed JSON, a missing body, an unparsable parameter.
			status = http.StatusBadRequest
			detail = re.Reason
			if re.Err != nil {
				detail = strings.TrimSpace(detail + " " + firstLine(re.Err.Error()))
			}
			if re.Parameter != nil {
				detail = "parameter " + re.Parameter.Name + ": " + detail
			}
		}
	}
	if status == http.StatusBadRequest || len(fields) == 0 {
		if detail == "" {
			detail = msg
		}
		return simpleProblem(http.StatusBadRequest, "bad-request", detail)
	}
	parts := make([]string, len(fields))
	for i, f := range fields {
		parts[i] = f.Field + ": " + f.Message
	}
	p := simpleProblem(http.StatusUnprocessableEntity, "validation", strings.Join(parts, "; "))
	p.Title = "Invalid request"
	p.Errors = &fields
	return p
}

// flatten unpacks kin-openapi's MultiError (nested or not) into its
// errors. Only the error itself is inspected: errors.As would also look
// through a RequestError into the MultiError it wraps and lose it.
func flatten(err error) []error {
	if me, ok := err.(openapi3.MultiError); ok { //nolint:errorlint // see above

		var out []error
		for _, e := range me {
			out = append(out, flatten(e)...)
		}
		return out
	}
	if err == nil {
		return nil
	}
	return []error{err}
}

// multiErrorHandler reports every validation problem at once, except that
// a failed authentication answers before anything about the input.
func multiErrorHandler(me openapi3.MultiError) *echo.HTTPError {
	for _, err := range flatten(me) {
		var sre *openapi3filter.SecurityRequirementsError
		if errors.As(err, &sre) {
			for _, inner := range sre.Errors {
				var he *echo.HTTPError
				if errors.As(inner, &he) {
					return he
				}
			}
			return &echo.HTTPError{Code: http.StatusForbidden, Internal: apperr.Forbidden("not allowed")}
		}
	}
	return &echo.HTTPError{Code: http.StatusBadRequest, Message: firstLine(me.Error()), Internal: me}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
