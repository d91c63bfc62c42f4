package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/acme/lending/internal/apperr"
)

// singleJSONDocument refuses a JSON body that is not exactly one JSON
// value: the generated decoders stop after the first value and would
// silently ignore anything after it (`{"amount":100}{"amount":9}`), so a
// client could believe a different request was accepted.
func singleJSONDocument(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		if req.Body == nil || req.Body == http.NoBody || !isJSON(req.Header.Get(echo.HeaderContentType)) {
			return next(c)
		}
		body, err := io.ReadAll(req.Body) // bounded by the body limit middleware
		if err != nil {
			var he *echo.HTTPError
			if errors.As(err, &he) {
				return he
			}
			return apperr.Invalid("the request body could not be read")
		}
		if len(bytes.TrimSpace(body)) > 0 && !json.Valid(body) {
			return apperr.Invalid("the request body must be one JSON document and nothing after it")
		}
		req.Body = io.NopCloser(bytes.NewReader(body))
		return next(c)
	}
}

func isJSON(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && (mt == echo.MIMEApplicationJSON || strings.HasSuffix(mt, "+json"))
}
