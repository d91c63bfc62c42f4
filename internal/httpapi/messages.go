package httpapi

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

func init() {
	// kin-openapi checks no "uuid" format unless told to; without it a
	// malformed id reaches the generated parameter binding, whose error
	// names Go types. RFC 9562 covers every UUID version.
	openapi3.DefineStringFormatValidator("uuid", openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForUUIDOfRFC9562))
}

var unsupportedProperty = regexp.MustCompile(`^property "(.+)" is unsupported$`)

// fieldMessage turns one schema violation into the field it concerns and
// a sentence a person can act on, in place of the validator's wording
// (which quotes regular expressions and prints 1e+11 for a limit).
func fieldMessage(field string, se *openapi3.SchemaError) (string, string) {
	s := se.Schema
	if s == nil {
		return field, se.Reason
	}
	switch se.SchemaField {
	case "properties":
		if m := unsupportedProperty.FindStringSubmatch(se.Reason); m != nil {
			return joinField(field, m[1]), "is not a field of this request"
		}
	case "format":
		switch s.Format {
		case "uuid":
			return field, "must be a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6"
		case "date-time":
			return field, "must be an RFC 3339 date-time such as 2026-01-31T09:30:00Z"
		case "date":
			return field, "must be a date such as 2026-01-31"
		case "email":
			return field, "must be an e-mail address"
		case "int32", "int64":
			if s.Max != nil { // say the bound the operation documents
				return field, "must be at most " + number(*s.Max)
			}
			return field, "is out of range"
		}
	case "minimum":
		if s.Min != nil {
			return field, "must be at least " + number(*s.Min)
		}
	case "maximum":
		if s.Max != nil {
			return field, "must be at most " + number(*s.Max)
		}
	case "minLength":
		return field, fmt.Sprintf("must be at least %d characters long", s.MinLength)
	case "maxLength":
		if s.MaxLength != nil {
			return field, fmt.Sprintf("must be at most %d characters long", *s.MaxLength)
		}
	case "enum":
		allowed := make([]string, len(s.Enum))
		for i, v := range s.Enum {
			allowed[i] = fmt.Sprint(v)
		}
		return field, "must be one of: " + strings.Join(allowed, ", ")
	case "nullable":
		return field, "must not be null"
	case "required":
		return field, "is required"
	}
	return field, se.Reason
}

func joinField(parent, name string) string {
	if parent == "" || parent == "body" {
		return name
	}
	return parent + "." + name
}

// number prints a schema bound as people write it: 100000000000, not 1e+11.
func number(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}
