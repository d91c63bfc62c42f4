// Package httpapi is the HTTP face of the platform: it implements the
// generated strict server interface, maps API types to the domain and
// domain failures to problem+json, and wires middleware and static apps.
package httpapi

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	echomw "github.com/oapi-codegen/echo-middleware"
	"github.com/prometheus/client_golang/prometheus"

	apispec "github.com/acme/lending/api"
	api "github.com/acme/lending/gen/api"
	"github.com/acme/lending/internal/apperr"
	"github.com/acme/lending/internal/auth"
	"github.com/acme/lending/internal/config"
	"github.com/acme/lending/internal/logging"
	"github.com/acme/lending/internal/web"
)

// RequestTimeout bounds every API request, so a stalled database answers
// 503 instead of hanging the client.
const RequestTimeout = 15 * time.Second

// Extras are routes and metrics that other capabilities contribute.
type Extras struct {
	// Routes registered after the generated ones (a same path replaces the generated handler).
	Routes     func(e *echo.Echo)
	Collectors []prometheus.Collector
}

// New builds the whole HTTP handler.
func New(cfg config.Config, pool *pgxpool.Pool, log *slog.Logger, srv *Server, extras Extras) (*echo.Echo, error) {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = errorHandler(log)
	// Login throttling keys on the client address: never let a client pick it.
	e.IPExtractor = echo.ExtractIPDirect()
	if cfg.TrustProxyHeaders {
		e.IPExtractor = echo.ExtractIPFromXFFHeader()
	}

	e.Use(middleware.RequestIDWithConfig(middleware.RequestIDConfig{
		RequestIDHandler: func(c echo.Context, id string) {
			c.SetRequest(c.Request().WithContext(logging.WithRequestID(c.Request().Context(), id)))
		},
	}))
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{
		LogErrorFunc: func(c echo.Context, err error, stack []byte) error {
			log.ErrorContext(c.Request().Context(), "panic", "err", err, "stack", string(stack))
			return err
		},
	}))
	e.Use(requestLog(log))
	m := newMetrics()
	m.reg.MustRegister(extras.Collectors...)
	e.Use(m.middleware())
	e.Use(securityHeaders(cfg.TLSCertFile != ""))
	if len(cfg.CORSOrigins) > 0 {
		e.Use(middleware.CORSWithConfig(middleware.CORSConfig{
			AllowOrigins:  cfg.CORSOrigins,
			AllowMethods:  []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete},
			AllowHeaders:  []string{echo.HeaderAuthorization, echo.HeaderContentType, "Idempotency-Key"},
			ExposeHeaders: []string{"Idempotency-Replayed", "Retry-After"},
			MaxAge:        600,
		}))
	}

	e.GET("/healthz", func(c echo.Context) error {
		return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
	})
	e.GET("/readyz", func(c echo.Context) error {
		ctx, cancel := context.WithTimeout(c.Request().Context(), 2*time.Second)
		defer cancel()
		if err := pool.Ping(ctx); err != nil {
			return apperr.Unavailable("the database is not reachable")
		}
		return c.JSON(http.StatusOK, map[string]string{"status": "ready"})
	})
	e.GET("/metrics", echo.WrapHandler(m.handler(pool)))
	e.GET("/docs", func(c echo.Context) error { return c.Redirect(http.StatusMovedPermanently, "/docs/") })
	e.GET("/docs/*", echo.WrapHandler(web.Docs()))

	spec, err := api.GetSpec()
	if err != nil {
		return nil, err
	}
	specJSON, err := json.Marshal(spec)
	if err != nil {
		return nil, err
	}

	g := e.Group("/api", middleware.BodyLimit(bodyLimit(cfg.MaxBodyBytes)), requestTimeout(RequestTimeout))
	g.GET("/openapi.yaml", func(c echo.Context) error { return c.Blob(http.StatusOK, "application/yaml", apispec.YAML) })
	g.GET("/openapi.json", func(c echo.Context) error { return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, specJSON) })

	validator := echomw.OapiRequestValidatorWithOptions(spec, &echomw.Options{
		SilenceServersWarning: true,
		Skipper: func(c echo.Context) bool {
			p := c.Request().URL.Path
			return p == "/api/openapi.yaml" || p == "/api/openapi.json"
		},
		ErrorHandler:      func(c echo.Context, err *echo.HTTPError) error { return err },
		MultiErrorHandler: multiErrorHandler,
		Options: openapi3filter.Options{
			AuthenticationFunc: authenticator(srv.auth),
			MultiError:         true,
		},
	})
	g.Use(withEchoContext, singleJSONDocument, validator)
	api.RegisterHandlers(g, api.NewStrictHandler(srv, nil))
	if extras.Routes != nil {
		extras.Routes(e)
	}

	e.GET("/admin", func(c echo.Context) error { return c.Redirect(http.StatusMovedPermanently, "/admin/") })
	e.GET("/admin/*", echo.WrapHandler(web.App("admin", "/admin/")))
	e.GET("/*", echo.WrapHandler(web.App("user", "/")))
	return e, nil
}

// authenticator checks the bearer token for operations that declare security.
func authenticator(svc *auth.Service) openapi3filter.AuthenticationFunc {
	return func(ctx context.Context, in *openapi3filter.AuthenticationInput) error {
		c := echomw.GetEchoContext(ctx)
		h := in.RequestValidationInput.Request.Header.Get(echo.HeaderAuthorization)
		scheme, token, ok := strings.Cut(h, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
			return &echo.HTTPError{Code: http.StatusUnauthorized, Internal: apperr.Unauthorized("send Authorization: Bearer <access token>")}
		}
		p, err := svc.Authenticate(c.Request().Context(), strings.TrimSpace(token))
		if err != nil {
			de, isDomain := apperr.As(err)
			if isDomain && de.Kind == apperr.KindUnauthorized {
				return &echo.HTTPError{Code: http.StatusUnauthorized, Internal: de}
			}
			return &echo.HTTPError{Code: http.StatusServiceUnavailable, Internal: apperr.Unavailable("cannot check the session right now")}
		}
		c.SetRequest(c.Request().WithContext(auth.WithPrincipal(c.Request().Context(), p)))
		return nil
	}
}

func bodyLimit(n int64) string {
	if n <= 0 {
		n = 64 << 10
	}
	return strings.TrimSuffix(strings.TrimSuffix(json.Number(itoa(n)).String(), ".0"), " ") + "B"
}

func itoa(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func requestTimeout(d time.Duration) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if c.Request().URL.Path == "/api/ws" {
				return next(c) // long-lived by design
			}
			ctx, cancel := context.WithTimeout(c.Request().Context(), d)
			defer cancel()
			c.SetRequest(c.Request().WithContext(ctx))
			return next(c)
		}
	}
}

func securityHeaders(tls bool) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			h := c.Response().Header()
			h.Set("X-Content-Type-Options", "nosniff")
			h.Set("X-Frame-Options", "DENY")
			h.Set("Referrer-Policy", "no-referrer")
			h.Set("Cross-Origin-Opener-Policy", "same-origin")
			h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
			h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; frame-ancestors 'none'; object-src 'none'; base-uri 'self'")
			if tls {
				h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
			}
			if strings.HasPrefix(c.Request().URL.Path, "/api/") {
				h.Set("Cache-Control", "no-store")
			}
			return next(c)
		}
	}
}

func requestLog(log *slog.Logger) echo.MiddlewareFunc {
	return middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogStatus: true, LogURIPath: true, LogMethod: true, LogLatency: true, LogRemoteIP: true, LogError: true,
		HandleError: true,
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			level := slog.LevelInfo
			if v.Status >= 500 {
				level = slog.LevelError
			}
			log.Log(c.Request().Context(), level, "request",
				"method", v.Method, "path", v.URIPath, "status", v.Status,
				"latency_ms", float64(v.Latency.Microseconds())/1000, "ip", v.RemoteIP)
			return nil
		},
	})
}
