package httpapi

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics live in a registry per handler so several servers in one test
// process do not collide.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "http_requests_total", Help: "HTTP requests by route, method and status.",
		}, []string{"route", "method", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "http_request_duration_seconds", Help: "HTTP request latency by route.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"route", "method"}),
	}
	m.reg.MustRegister(m.requests, m.latency, collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) middleware() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			start := time.Now()
			err := next(c)
			status := c.Response().Status
			if err != nil {
				var he *echo.HTTPError
				if errors.As(err, &he) {
					status = he.Code
				}
			}
			route := c.Path()
			if route == "" {
				route = "unmatched"
			}
			m.requests.WithLabelValues(route, c.Request().Method, strconv.Itoa(status)).Inc()
			m.latency.WithLabelValues(route, c.Request().Method).Observe(time.Since(start).Seconds())
			return err
		}
	}
}

func (m *metrics) handler(pool *pgxpool.Pool) http.Handler {
	m.reg.MustRegister(poolCollector{pool})
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// poolCollector reports pgxpool figures.
type poolCollector struct{ pool *pgxpool.Pool }

var (
	poolTotal    = prometheus.NewDesc("db_pool_connections", "Open database connections.", nil, nil)
	poolIdle     = prometheus.NewDesc("db_pool_idle_connections", "Idle database connections.", nil, nil)
	poolInUse    = prometheus.NewDesc("db_pool_acquired_connections", "Connections in use.", nil, nil)
	poolWaits    = prometheus.NewDesc("db_pool_empty_acquire_total", "Acquires that had to wait for a connection.", nil, nil)
	poolMaxConns = prometheus.NewDesc("db_pool_max_connections", "Pool size limit.", nil, nil)
)

func (p poolCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- poolTotal
	ch <- poolIdle
	ch <- poolInUse
	ch <- poolWaits
	ch <- poolMaxConns
}

func (p poolCollector) Collect(ch chan<- prometheus.Metric) {
	s := p.pool.Stat()
	ch <- prometheus.MustNewConstMetric(poolTotal, prometheus.GaugeValue, float64(s.TotalConns()))
	ch <- prometheus.MustNewConstMetric(poolIdle, prometheus.GaugeValue, float64(s.IdleConns()))
	ch <- prometheus.MustNewConstMetric(poolInUse, prometheus.GaugeValue, float64(s.AcquiredConns()))
	ch <- prometheus.MustNewConstMetric(poolWaits, prometheus.CounterValue, float64(s.EmptyAcquireCount()))
	ch <- prometheus.MustNewConstMetric(poolMaxConns, prometheus.GaugeValue, float64(s.MaxConns()))
}
