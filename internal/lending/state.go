// Package lending owns the loan lifecycle: quotes, applications, review,
// disbursement, schedules and repayments. State changes run inside the
// caller's transaction with the loan row locked, so concurrent requests
// on one loan are applied one at a time and the losers see the new state.
package lending

import "github.com/acme/lending/internal/apperr"

// Loan statuses.
const (
	StatusSubmitted = "submitted"
	StatusApproved  = "approved"
	StatusRejected  = "rejected"
	StatusCancelled = "cancelled"
	StatusDisbursed = "disbursed"
	StatusRepaid    = "repaid"
)

// transitions is the whole state machine.
var transitions = map[string][]string{
	StatusSubmitted: {StatusApproved, StatusRejected, StatusCancelled},
	StatusApproved:  {StatusDisbursed, StatusCancelled},
	StatusDisbursed: {StatusRepaid},
}

// CanTransition reports whether from -> to is allowed.
func CanTransition(from, to string) bool {
	for _, t := range transitions[from] {
		if t == to {
			return true
		}
	}
	return false
}

func checkTransition(from, to string) error {
	if !CanTransition(from, to) {
		return apperr.Conflict("invalid-transition", "a %s loan cannot become %s", from, to)
	}
	return nil
}
