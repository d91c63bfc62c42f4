package jobs

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
)

var jobsDesc = prometheus.NewDesc("jobs", "Background jobs by state (River).", []string{"state"}, nil)

// Collector reports job counts by state at scrape time.
func Collector(pool *pgxpool.Pool) prometheus.Collector { return jobCollector{pool} }

type jobCollector struct{ pool *pgxpool.Pool }

func (c jobCollector) Describe(ch chan<- *prometheus.Desc) { ch <- jobsDesc }

func (c jobCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	rows, err := c.pool.Query(ctx, "SELECT state::text, count(*) FROM river_job GROUP BY state")
	if err != nil {
		return
	}
	defer rows.Close()
	for rows.Next() {
		var state string
		var n int64
		if rows.Scan(&state, &n) == nil {
			ch <- prometheus.MustNewConstMetric(jobsDesc, prometheus.GaugeValue, float64(n), state)
		}
	}
}
