// Package portfolio computes the staff's portfolio figures from running
// totals and indexed ranges, so their cost does not grow with the book.
package portfolio

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	dbgen "github.com/acme/lending/gen/db"
	"github.com/acme/lending/internal/apperr"
	"github.com/acme/lending/internal/auth"
	"github.com/acme/lending/internal/database"
)

// Days is the length of the daily series.
const Days = 30

// StatusFigure counts loans in one status.
type StatusFigure struct {
	Status        string
	Count, Amount int64
}

// Day is one day of the series.
type Day struct {
	Date                                   time.Time
	Applications, Approvals, Disbursements int64
	DisbursedAmount                        int64
}

// Stats are the portfolio figures.
type Stats struct {
	ByStatus                         []StatusFigure
	TotalDisbursed, Outstanding      int64
	OverdueAmount, OverdueCount      int64
	PendingWithdrawals, PendingCount int64
	Users                            int64
	Daily                            []Day
}

// Service reads the figures.
type Service struct {
	q   *dbgen.Queries
	now func() time.Time
}

// NewService returns the portfolio reader.
func NewService(pool *pgxpool.Pool, now func() time.Time) *Service {
	return &Service{q: dbgen.New(pool), now: now}
}

// Get computes the figures (staff only).
func (s *Service) Get(ctx context.Context, p auth.Principal) (Stats, error) {
	if !p.IsAdmin() {
		return Stats{}, apperr.Forbidden("only staff can see portfolio figures")
	}
	var st Stats
	rows, err := s.q.StatsLoansByStatus(ctx)
	if err != nil {
		return st, database.Classify(err)
	}
	for _, r := range rows {
		st.ByStatus = append(st.ByStatus, StatusFigure{Status: r.Status, Count: r.Count, Amount: r.Amount})
		switch r.Status {
		case "disbursed":
			st.TotalDisbursed += r.Amount
			st.Outstanding += r.Amount - r.PrincipalPaid
		case "repaid":
			st.TotalDisbursed += r.Amount
		}
	}
	od, err := s.q.StatsOverdue(ctx)
	if err != nil {
		return st, database.Classify(err)
	}
	st.OverdueAmount, st.OverdueCount = od.Amount, od.Loans
	pw, err := s.q.StatsPendingWithdrawals(ctx)
	if err != nil {
		return st, database.Classify(err)
	}
	st.PendingCount, st.PendingWithdrawals = pw.Count, pw.Amount
	if st.Users, err = s.q.StatsUsers(ctx); err != nil {
		return st, database.Classify(err)
	}
	today := s.now().UTC().Truncate(24 * time.Hour)
	since := today.AddDate(0, 0, -(Days - 1))
	days, err := s.q.StatsDaily(ctx, since)
	if err != nil {
		return st, database.Classify(err)
	}
	byDay := map[string]dbgen.StatsDailyRow{}
	for _, d := range days {
		byDay[d.Day.Format(time.DateOnly)] = d
	}
	for i := 0; i < Days; i++ {
		d := since.AddDate(0, 0, i)
		r := byDay[d.Format(time.DateOnly)]
		st.Daily = append(st.Daily, Day{Date: d, Applications: r.Applications, Approvals: r.Approvals,
			Disbursements: r.Disbursements, DisbursedAmount: r.DisbursedAmount})
	}
	return st, nil
}

// CheckTotals compares every trigger-kept figure with the same figure
// computed from the rows; tests call it after concurrent work.
func CheckTotals(ctx context.Context, q *dbgen.Queries) error {
	rows, err := q.StatsCheckTotals(ctx)
	if err != nil {
		return err
	}
	var wrong []string
	for _, r := range rows {
		if r.Kept != r.Actual {
			wrong = append(wrong, fmt.Sprintf("%s: kept %d, actual %d", r.Figure, r.Kept, r.Actual))
		}
	}
	if len(wrong) > 0 {
		return fmt.Errorf("running totals drifted: %s", strings.Join(wrong, "; "))
	}
	return nil
}
