package amortization

import (
	"fmt"
	"sort"
	"time"
)

// InstallmentState is one installment of a disbursed loan: what was
// scheduled and what has been paid so far.
type InstallmentState struct {
	Number                      int
	DueDate                     time.Time
	Principal, Interest         int64 // scheduled
	PrincipalPaid, InterestPaid int64 // so far
}

// PrincipalDue is the unpaid principal of the installment.
func (s InstallmentState) PrincipalDue() int64 { return max(s.Principal-s.PrincipalPaid, 0) }

// InterestDue is the unpaid interest of the installment.
func (s InstallmentState) InterestDue() int64 { return max(s.Interest-s.InterestPaid, 0) }

// IsPaid reports whether principal and interest are paid in full.
func (s InstallmentState) IsPaid() bool { return s.PrincipalDue() == 0 && s.InterestDue() == 0 }

// Allocation is the part of a repayment applied to one installment.
type Allocation struct {
	Number              int
	Principal, Interest int64
}

// Status of an installment, as shown to borrowers and staff.
type Status string

const (
	StatusPaid    Status = "paid"
	StatusOverdue Status = "overdue"
	StatusDue     Status = "due"
)

// NewStates returns the repayment state of a freshly disbursed loan: the
// plan's installments with nothing paid.
func NewStates(p Plan) []InstallmentState {
	st := make([]InstallmentState, len(p.Installments))
	for i, in := range p.Installments {
		st[i] = InstallmentState{
			Number:    in.Number,
			DueDate:   in.DueDate,
			Principal: in.Principal,
			Interest:  in.Interest,
		}
	}
	return st
}

// ValidateStates checks that installment numbers are unique, no amount is
// negative and nothing is paid beyond what was scheduled.
func ValidateStates(st []InstallmentState) error {
	seen := make(map[int]bool, len(st))
	for _, s := range st {
		if seen[s.Number] {
			return fmt.Errorf("%w: duplicate installment number %d", ErrInvalidState, s.Number)
		}
		seen[s.Number] = true
		if s.Principal < 0 || s.Interest < 0 || s.PrincipalPaid < 0 || s.InterestPaid < 0 ||
			s.PrincipalPaid > s.Principal || s.InterestPaid > s.Interest {
			return fmt.Errorf("%w: installment %d", ErrInvalidState, s.Number)
		}
	}
	return nil
}

// IsClosed reports whether the loan is fully repaid: all principal is paid
// (any interest still unpaid is waived). An empty schedule is closed.
func IsClosed(st []InstallmentState) bool {
	for _, s := range st {
		if s.PrincipalDue() > 0 {
			return false
		}
	}
	return true
}

// day truncates t to its UTC calendar day: due dates and "as of" instants
// are compared with day granularity.
func day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// dueOrder returns the indexes of st sorted by due day, then number.
func dueOrder(st []InstallmentState) []int {
	idx := make([]int, len(st))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		da, db := day(st[idx[a]].DueDate), day(st[idx[b]].DueDate)
		if !da.Equal(db) {
			return da.Before(db)
		}
		return st[idx[a]].Number < st[idx[b]].Number
	})
	return idx
}

// horizon returns the horizon day at asOf: the due day of the first
// installment due on or after asOf's day (overdue installments plus the next
// one are within it). On a due date, the next period has accrued nothing
// yet, so paying that day's installment and then the payoff costs the same
// as paying the payoff at once. ok is false when every installment is already past due,
// in which case all of them are within the horizon.
func horizon(st []InstallmentState, order []int, asOf time.Time) (h time.Time, ok bool) {
	today := day(asOf)
	for _, i := range order {
		if d := day(st[i].DueDate); !d.Before(today) {
			return d, true
		}
	}
	return time.Time{}, false
}

// withinHorizon reports whether due falls on or before the horizon day.
func withinHorizon(due, h time.Time, hok bool) bool {
	return !hok || !day(due).After(h)
}

// Payoff returns the amount that closes the loan at asOf: all outstanding
// principal plus the unpaid interest of every installment due on or before
// the horizon, the due date of the first installment due on or after asOf
// (day granularity, UTC), i.e. the overdue installments plus the next one.
// Interest of later installments is waived. A closed loan's payoff is 0.
func Payoff(st []InstallmentState, asOf time.Time) int64 {
	if IsClosed(st) {
		return 0
	}
	h, hok := horizon(st, dueOrder(st), asOf)
	var total int64
	for _, s := range st {
		total += s.PrincipalDue()
		if withinHorizon(s.DueDate, h, hok) {
			total += s.InterestDue()
		}
	}
	return total
}

// Allocate splits amount across installments at asOf: installments in due
// order (oldest first); for those within the horizon (see Payoff) interest
// first, then principal; for later ones principal only (future interest is
// never charged in advance). It returns the non-zero allocations in due
// order and whether the loan is now fully repaid (all principal paid: the
// loan is closed and any remaining interest is waived). Paying exactly
// Payoff closes the loan.
//
// Errors: ErrInvalidAmount when amount <= 0, ErrExceedsPayoff when amount >
// Payoff(st, asOf), ErrInvalidState for an inconsistent state. Allocate does
// not modify st; see Apply.
func Allocate(st []InstallmentState, amount int64, asOf time.Time) (allocs []Allocation, closed bool, err error) {
	if amount <= 0 {
		return nil, false, fmt.Errorf("%w: repayment %d must be positive", ErrInvalidAmount, amount)
	}
	if err := ValidateStates(st); err != nil {
		return nil, false, err
	}
	if payoff := Payoff(st, asOf); amount > payoff {
		return nil, false, fmt.Errorf("%w: repayment %d > payoff %d", ErrExceedsPayoff, amount, payoff)
	}
	order := dueOrder(st)
	h, hok := horizon(st, order, asOf)
	left := amount
	closed = true
	for _, i := range order {
		s := st[i]
		var a Allocation
		if withinHorizon(s.DueDate, h, hok) {
			a.Interest = min(left, s.InterestDue())
			left -= a.Interest
		}
		a.Principal = min(left, s.PrincipalDue())
		left -= a.Principal
		if a.Interest != 0 || a.Principal != 0 {
			a.Number = s.Number
			allocs = append(allocs, a)
		}
		if s.PrincipalDue() > a.Principal {
			closed = false
		}
	}
	// left == 0 here: amount <= payoff, which is exactly what the loop can
	// absorb.
	return allocs, closed, nil
}

// Apply returns a copy of st with the allocations added to the paid amounts
// (matched by installment number). It does not validate.
func Apply(st []InstallmentState, allocs []Allocation) []InstallmentState {
	out := append([]InstallmentState(nil), st...)
	for _, a := range allocs {
		for i := range out {
			if out[i].Number == a.Number {
				out[i].PrincipalPaid += a.Principal
				out[i].InterestPaid += a.Interest
				break
			}
		}
	}
	return out
}

// InstallmentStatus returns "paid" when the installment's principal and
// interest are paid in full or the loan is closed, "overdue" when its due
// day is before asOf's day (UTC) and it is not paid, else "due".
func InstallmentStatus(s InstallmentState, asOf time.Time, loanClosed bool) Status {
	switch {
	case loanClosed || s.IsPaid():
		return StatusPaid
	case day(s.DueDate).Before(day(asOf)):
		return StatusOverdue
	default:
		return StatusDue
	}
}

// Statuses returns InstallmentStatus for every installment of st (same
// order as st).
func Statuses(st []InstallmentState, asOf time.Time) []Status {
	closed := IsClosed(st)
	out := make([]Status, len(st))
	for i, s := range st {
		out[i] = InstallmentStatus(s, asOf, closed)
	}
	return out
}

// DaysPastDue returns the number of calendar days (UTC) from the due date of
// the oldest unpaid installment to asOf, or 0 when no installment is overdue
// (or the loan is closed).
func DaysPastDue(st []InstallmentState, asOf time.Time) int {
	if IsClosed(st) {
		return 0
	}
	today := day(asOf)
	for _, i := range dueOrder(st) {
		if s := st[i]; !s.IsPaid() {
			if d := day(s.DueDate); d.Before(today) {
				return int(today.Sub(d) / (24 * time.Hour))
			}
			return 0
		}
	}
	return 0
}

// NextDue returns the installment the borrower should pay next at asOf and
// the amount that brings the loan current through its due date.
//
// The installment is the earliest unpaid one due on or after asOf's day; when
// every unpaid installment is already overdue (the loan is past maturity), it
// is the latest of them. amountDue is the unpaid principal and interest of
// that installment and of every earlier unpaid one: what is owed on its due
// date if nothing else is paid. Paid by that date, Allocate settles exactly
// those installments (unless the borrower has already paid principal ahead
// beyond the horizon, in which case the interest of the next installment is
// not chargeable until the horizon reaches it). ok is false when nothing is
// owed (all paid, or the loan is closed).
func NextDue(st []InstallmentState, asOf time.Time) (next InstallmentState, amountDue int64, ok bool) {
	if IsClosed(st) {
		return InstallmentState{}, 0, false
	}
	today := day(asOf)
	for _, i := range dueOrder(st) {
		s := st[i]
		if s.IsPaid() {
			continue
		}
		amountDue += s.PrincipalDue() + s.InterestDue()
		next, ok = s, true
		if !day(s.DueDate).Before(today) {
			break
		}
	}
	return next, amountDue, ok
}
