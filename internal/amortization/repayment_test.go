package amortization

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

var loanStart = time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC)

func mustCompute(t testing.TB, p int64, bps int32, n int, start time.Time) Plan {
	t.Helper()
	plan, err := Compute(p, bps, n, start)
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

func dueOf(p Plan, k int) time.Time { return p.Installments[k-1].DueDate }

// refHorizonDay is an independent statement of the horizon: the due day of
// the first installment due on or after asOf's day; ok false when none.
func refHorizonDay(st []InstallmentState, asOf time.Time) (time.Time, bool) {
	y, m, d := asOf.UTC().Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	var best time.Time
	found := false
	for _, s := range st {
		y, m, d := s.DueDate.UTC().Date()
		dd := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		if !dd.Before(today) && (!found || dd.Before(best)) {
			best, found = dd, true
		}
	}
	return best, found
}

func refWithin(s InstallmentState, h time.Time, ok bool) bool {
	y, m, d := s.DueDate.UTC().Date()
	return !ok || !time.Date(y, m, d, 0, 0, 0, 0, time.UTC).After(h)
}

// checkAllocation verifies the result of Allocate(st, amount, asOf) against
// the rules, independently of the implementation's horizon code.
func checkAllocation(st []InstallmentState, amount int64, asOf time.Time, allocs []Allocation, closed bool, err error) error {
	payoff := Payoff(st, asOf)
	switch {
	case amount <= 0:
		if !errors.Is(err, ErrInvalidAmount) {
			return fmt.Errorf("amount %d: error %w, want ErrInvalidAmount", amount, err)
		}
		return nil
	case amount > payoff:
		if !errors.Is(err, ErrExceedsPayoff) {
			return fmt.Errorf("amount %d > payoff %d: error %w, want ErrExceedsPayoff", amount, payoff, err)
		}
		return nil
	case err != nil:
		return fmt.Errorf("amount %d <= payoff %d: unexpected error %w", amount, payoff, err)
	}
	h, hok := refHorizonDay(st, asOf)
	order := dueOrder(st)
	pos := make(map[int]int, len(st)) // number -> position in due order
	for p, i := range order {
		pos[st[i].Number] = p
	}
	var sum int64
	last := -1
	for _, a := range allocs {
		p, found := pos[a.Number]
		if !found {
			return fmt.Errorf("allocation to unknown installment %d", a.Number)
		}
		if p <= last {
			return fmt.Errorf("allocations not in due order: %+v", allocs)
		}
		last = p
		s := st[order[p]]
		if a.Principal < 0 || a.Interest < 0 || a.Principal+a.Interest == 0 {
			return fmt.Errorf("bad allocation %+v", a)
		}
		if a.Principal > s.PrincipalDue() || a.Interest > s.InterestDue() {
			return fmt.Errorf("allocation %+v exceeds what installment owes %+v", a, s)
		}
		if a.Interest > 0 && !refWithin(s, h, hok) {
			return fmt.Errorf("interest charged in advance on installment %d (horizon %v)", a.Number, h)
		}
		sum += a.Principal + a.Interest
	}
	if sum != amount {
		return fmt.Errorf("allocations sum to %d, want %d", sum, amount)
	}
	after := Apply(st, allocs)
	// Oldest first, interest before principal: every installment before the
	// last one touched is settled (fully if within the horizon, principal if
	// not), and the last one touched got principal only after its chargeable
	// interest.
	for p := 0; p < last; p++ {
		s := after[order[p]]
		if s.PrincipalDue() != 0 || (refWithin(s, h, hok) && s.InterestDue() != 0) {
			return fmt.Errorf("installment %d not settled before later ones were paid: %+v", s.Number, s)
		}
	}
	if len(allocs) > 0 {
		a := allocs[len(allocs)-1]
		s := after[order[last]]
		if a.Principal > 0 && refWithin(s, h, hok) && s.InterestDue() != 0 {
			return fmt.Errorf("installment %d: principal paid before its interest", s.Number)
		}
	}
	if got := Payoff(after, asOf); got != payoff-amount {
		return fmt.Errorf("payoff after %d, want %d - %d", got, payoff, amount)
	}
	if closed != IsClosed(after) || closed != (amount == payoff) {
		return fmt.Errorf("closed=%v, IsClosed(after)=%v, amount %d payoff %d", closed, IsClosed(after), amount, payoff)
	}
	return nil
}

func TestPayoffHorizon(t *testing.T) {
	plan := mustCompute(t, 1_000_000, 400, 48, loanStart)
	st := NewStates(plan)
	in := plan.Installments
	tests := []struct {
		name string
		asOf time.Time
		want int64
	}{
		{"right after disbursement", loanStart.Add(time.Hour), 1_000_000 + in[0].Interest},
		{"before disbursement", loanStart.Add(-48 * time.Hour), 1_000_000 + in[0].Interest},
		{"on due date 1, earlier hour", dueOf(plan, 1).Add(-9 * time.Hour), 1_000_000 + in[0].Interest},
		{"on due date 1, later hour", dueOf(plan, 1).Add(13 * time.Hour), 1_000_000 + in[0].Interest},
		{"day after due date 1", dueOf(plan, 1).Add(24 * time.Hour), 1_000_000 + in[0].Interest + in[1].Interest},
		{"on due date 3", dueOf(plan, 3), 1_000_000 + in[0].Interest + in[1].Interest + in[2].Interest},
		{"on the last due date", dueOf(plan, 48), plan.TotalPayable},
		{"after maturity", dueOf(plan, 48).AddDate(1, 0, 0), plan.TotalPayable},
	}
	for _, tc := range tests {
		if got := Payoff(st, tc.asOf); got != tc.want {
			t.Errorf("%s: payoff %d, want %d", tc.name, got, tc.want)
		}
	}
	// A non-UTC asOf is compared by its UTC day: 2026-02-14 21:00 in UTC-5 is
	// already 2026-02-15 (due date 1) in UTC.
	est := time.FixedZone("EST", -5*3600)
	asOf := time.Date(2026, 2, 14, 21, 0, 0, 0, est)
	if got, want := Payoff(st, asOf), 1_000_000+in[0].Interest; got != want {
		t.Errorf("non-UTC asOf: payoff %d, want %d", got, want)
	}
	if got, want := InstallmentStatus(st[0], asOf, false), StatusDue; got != want {
		t.Errorf("non-UTC asOf: status %q, want %q", got, want)
	}
}

func TestAllocateErrors(t *testing.T) {
	plan := mustCompute(t, 1_000_000, 400, 48, loanStart)
	st := NewStates(plan)
	asOf := loanStart.AddDate(0, 0, 3)
	payoff := Payoff(st, asOf)
	for _, amount := range []int64{0, -1, -payoff} {
		if _, _, err := Allocate(st, amount, asOf); !errors.Is(err, ErrInvalidAmount) {
			t.Errorf("Allocate(%d): %v, want ErrInvalidAmount", amount, err)
		}
	}
	if _, _, err := Allocate(st, payoff+1, asOf); !errors.Is(err, ErrExceedsPayoff) {
		t.Errorf("Allocate(payoff+1): %v, want ErrExceedsPayoff", err)
	}
	bad := slices.Clone(st)
	bad[3].InterestPaid = bad[3].Interest + 1
	if _, _, err := Allocate(bad, 100, asOf); !errors.Is(err, ErrInvalidState) {
		t.Errorf("overpaid state: %v, want ErrInvalidState", err)
	}
	bad = slices.Clone(st)
	bad[5].Number = 5
	if _, _, err := Allocate(bad, 100, asOf); !errors.Is(err, ErrInvalidState) {
		t.Errorf("duplicate number: %v, want ErrInvalidState", err)
	}
	bad = slices.Clone(st)
	bad[0].PrincipalPaid = -1
	if err := ValidateStates(bad); !errors.Is(err, ErrInvalidState) {
		t.Errorf("negative paid: %v, want ErrInvalidState", err)
	}
}

func TestPayingPayoffClosesLoan(t *testing.T) {
	plan := mustCompute(t, 1_000_000, 400, 48, loanStart)
	for _, asOf := range []time.Time{
		loanStart,
		dueOf(plan, 1),
		dueOf(plan, 1).Add(24 * time.Hour),
		dueOf(plan, 20).AddDate(0, 0, -3),
		dueOf(plan, 48),
		dueOf(plan, 48).AddDate(0, 2, 0),
	} {
		st := NewStates(plan)
		// Some history first: the first two installments paid on time.
		for k := 1; k <= 2 && dueOf(plan, k).Before(asOf); k++ {
			allocs, _, err := Allocate(st, plan.Installments[k-1].Payment, dueOf(plan, k))
			if err != nil {
				t.Fatal(err)
			}
			st = Apply(st, allocs)
		}
		payoff := Payoff(st, asOf)
		if _, _, err := Allocate(st, payoff+1, asOf); !errors.Is(err, ErrExceedsPayoff) {
			t.Fatalf("asOf %v: payoff+1: %v, want ErrExceedsPayoff", asOf, err)
		}
		allocs, closed, err := Allocate(st, payoff, asOf)
		if err := checkAllocation(st, payoff, asOf, allocs, closed, err); err != nil {
			t.Fatalf("asOf %v: %v", asOf, err)
		}
		if !closed {
			t.Fatalf("asOf %v: paying payoff %d did not close the loan", asOf, payoff)
		}
		st = Apply(st, allocs)
		if !IsClosed(st) || Payoff(st, asOf) != 0 || Payoff(st, asOf.AddDate(5, 0, 0)) != 0 {
			t.Fatalf("asOf %v: loan not closed after payoff", asOf)
		}
		for i, s := range Statuses(st, asOf.AddDate(1, 0, 0)) {
			if s != StatusPaid {
				t.Fatalf("asOf %v: installment %d status %q after close", asOf, i+1, s)
			}
		}
		if _, _, ok := NextDue(st, asOf); ok {
			t.Fatalf("asOf %v: NextDue on a closed loan", asOf)
		}
		if d := DaysPastDue(st, asOf.AddDate(1, 0, 0)); d != 0 {
			t.Fatalf("asOf %v: %d days past due on a closed loan", asOf, d)
		}
		if _, _, err := Allocate(st, 1, asOf); !errors.Is(err, ErrExceedsPayoff) {
			t.Fatalf("asOf %v: paying a closed loan: %v", asOf, err)
		}
		// Waived interest: the total paid is at most the scheduled total.
		var paid int64
		for _, s := range st {
			paid += s.PrincipalPaid + s.InterestPaid
		}
		if paid > plan.TotalPayable {
			t.Fatalf("asOf %v: paid %d > total payable %d", asOf, paid, plan.TotalPayable)
		}
	}
}

// payOnSchedule pays each installment's NextDue amount at a time chosen by
// when(k) and checks that it pays exactly that installment.
func payOnSchedule(t *testing.T, plan Plan, when func(k int) time.Time) {
	t.Helper()
	st := NewStates(plan)
	var total int64
	for k := 1; k <= plan.TermMonths; k++ {
		asOf := when(k)
		in := plan.Installments[k-1]
		if in.Payment == 0 { // tiny loans: nothing to pay, already "paid"
			if s := InstallmentStatus(st[k-1], asOf, false); s != StatusPaid {
				t.Fatalf("k=%d: zero installment has status %q", k, s)
			}
			continue
		}
		next, amount, ok := NextDue(st, asOf)
		if !ok || next.Number != k || amount != in.Payment {
			t.Fatalf("P=%d bps=%d n=%d k=%d at %v: NextDue = #%d %d %v, want #%d %d", plan.Principal, plan.AnnualRateBps, plan.TermMonths, k, asOf, next.Number, amount, ok, k, in.Payment)
		}
		if d := DaysPastDue(st, asOf); d != 0 {
			t.Fatalf("k=%d: %d days past due when paying on time", k, d)
		}
		if s := InstallmentStatus(st[k-1], asOf, false); s != StatusDue {
			t.Fatalf("k=%d: status %q before paying", k, s)
		}
		allocs, closed, err := Allocate(st, amount, asOf)
		if err := checkAllocation(st, amount, asOf, allocs, closed, err); err != nil {
			t.Fatalf("k=%d: %v", k, err)
		}
		want := []Allocation{{Number: k, Principal: in.Principal, Interest: in.Interest}}
		if !slices.Equal(allocs, want) {
			t.Fatalf("k=%d: allocations %+v, want %+v", k, allocs, want)
		}
		if closed != (k == plan.TermMonths) {
			t.Fatalf("k=%d of %d: closed=%v", k, plan.TermMonths, closed)
		}
		st = Apply(st, allocs)
		if s := InstallmentStatus(st[k-1], asOf.AddDate(0, 0, 40), false); s != StatusPaid {
			t.Fatalf("k=%d: status %q after paying", k, s)
		}
		total += amount
	}
	if total != plan.TotalPayable || !IsClosed(st) {
		t.Fatalf("paid %d in total (closed %v), want %d", total, IsClosed(st), plan.TotalPayable)
	}
}

func TestRegularPaymentsPayScheduleExactly(t *testing.T) {
	plan := mustCompute(t, 1_000_000, 400, 48, loanStart)
	t.Run("on the due date", func(t *testing.T) {
		payOnSchedule(t, plan, func(k int) time.Time { return dueOf(plan, k) })
	})
	t.Run("late on the due day", func(t *testing.T) {
		payOnSchedule(t, plan, func(k int) time.Time { return dueOf(plan, k).Add(13*time.Hour + 59*time.Minute) })
	})
	t.Run("early, the day after the previous due date", func(t *testing.T) {
		payOnSchedule(t, plan, func(k int) time.Time {
			if k == 1 {
				return loanStart
			}
			return dueOf(plan, k-1).AddDate(0, 0, 1)
		})
	})
	t.Run("random plans and days", func(t *testing.T) {
		seed := testSeed(t)
		rng := rand.New(rand.NewPCG(seed, 10))
		for range 300 {
			p := rng.Int64N(1_000_000_000) + 1
			if rng.IntN(3) == 0 {
				p = rng.Int64N(10_000) + 1
			}
			plan := mustCompute(t, p, int32(rng.IntN(3001)), rng.IntN(120)+1, loanStart.Add(time.Duration(rng.Int64N(1e15))))
			payOnSchedule(t, plan, func(k int) time.Time {
				prev := plan.Installments[0].DueDate.AddDate(0, -1, 0)
				if k > 1 {
					prev = dueOf(plan, k-1)
				}
				// Any time from the day after the previous due day to the
				// end of this due day.
				lo := dayOf(prev).AddDate(0, 0, 1)
				hi := dayOf(dueOf(plan, k)).AddDate(0, 0, 1)
				return lo.Add(time.Duration(rng.Int64N(int64(hi.Sub(lo)))))
			})
		}
	})
}

func dayOf(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func TestPartialPaymentsInterestFirstOldestFirst(t *testing.T) {
	plan := mustCompute(t, 1_000_000, 400, 48, loanStart)
	in := plan.Installments
	st := NewStates(plan)
	asOf := dueOf(plan, 3).AddDate(0, 0, 5) // installments 1-3 missed

	wantStatus := []Status{StatusOverdue, StatusOverdue, StatusOverdue, StatusDue, StatusDue}
	if got := Statuses(st, asOf)[:5]; !slices.Equal(got, wantStatus) {
		t.Fatalf("statuses %v, want %v", got, wantStatus)
	}
	wantDays := int(dayOf(asOf).Sub(dayOf(dueOf(plan, 1))) / (24 * time.Hour)) // 28 + 31 + 5
	if d := DaysPastDue(st, asOf); d != wantDays || d != 64 {
		t.Fatalf("days past due %d, want %d", d, wantDays)
	}
	next, due, ok := NextDue(st, asOf)
	if !ok || next.Number != 4 || due != in[0].Payment+in[1].Payment+in[2].Payment+in[3].Payment {
		t.Fatalf("NextDue = #%d %d %v", next.Number, due, ok)
	}
	if got, want := Payoff(st, asOf), 1_000_000+in[0].Interest+in[1].Interest+in[2].Interest+in[3].Interest; got != want {
		t.Fatalf("payoff %d, want %d", got, want)
	}

	pay := func(amount int64, want ...Allocation) {
		t.Helper()
		allocs, closed, err := Allocate(st, amount, asOf)
		if err := checkAllocation(st, amount, asOf, allocs, closed, err); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(allocs, want) {
			t.Fatalf("Allocate(%d) = %+v, want %+v", amount, allocs, want)
		}
		st = Apply(st, allocs)
	}
	// Less than the oldest installment's interest: interest only.
	pay(1000, Allocation{Number: 1, Interest: 1000})
	// The rest of installment 1's interest, its principal, then
	// installment 2's interest and part of its principal.
	pay(in[0].Payment-1000+in[1].Interest+500,
		Allocation{Number: 1, Interest: in[0].Interest - 1000, Principal: in[0].Principal},
		Allocation{Number: 2, Interest: in[1].Interest, Principal: 500})
	if d := DaysPastDue(st, asOf); d != 64-28 {
		t.Fatalf("days past due %d after settling installment 1, want %d", d, 64-28)
	}
	// Bring the loan current, then 100 cents more: principal only on
	// installment 5 (its interest is not charged in advance).
	rest := in[1].Principal - 500 + in[2].Payment + in[3].Payment
	pay(rest+100,
		Allocation{Number: 2, Principal: in[1].Principal - 500},
		Allocation{Number: 3, Interest: in[2].Interest, Principal: in[2].Principal},
		Allocation{Number: 4, Interest: in[3].Interest, Principal: in[3].Principal},
		Allocation{Number: 5, Principal: 100})
	if d := DaysPastDue(st, asOf); d != 0 {
		t.Fatalf("days past due %d once current", d)
	}
	// Pay ahead across installments 5, 6 and into 7: principal only.
	pay(in[4].Principal-100+in[5].Principal+7,
		Allocation{Number: 5, Principal: in[4].Principal - 100},
		Allocation{Number: 6, Principal: in[5].Principal},
		Allocation{Number: 7, Principal: 7})
	if got := InstallmentStatus(st[4], asOf, false); got != StatusDue {
		t.Fatalf("installment 5 with principal prepaid: %q, want due (interest not yet charged)", got)
	}
	// When installment 5 falls due, only its interest is owed.
	asOf5 := dueOf(plan, 4).AddDate(0, 0, 1)
	next, due, ok = NextDue(st, asOf5)
	if !ok || next.Number != 5 || due != in[4].Interest {
		t.Fatalf("NextDue after prepaying = #%d %d %v, want #5 %d", next.Number, due, ok, in[4].Interest)
	}
	asOf = asOf5
	pay(due, Allocation{Number: 5, Interest: in[4].Interest})
	// Installment 6 and 7 are now ahead of the horizon (5): paying 10 cents
	// goes to installment 7's principal, not 6's interest.
	pay(10, Allocation{Number: 7, Principal: 10})
	// Miss installments 6 and 7 dates: 6 still owes its interest only.
	late := dueOf(plan, 7).AddDate(0, 0, 2)
	if d := DaysPastDue(st, late); d != int(dayOf(late).Sub(dayOf(dueOf(plan, 6)))/(24*time.Hour)) {
		t.Fatalf("days past due %d", d)
	}
}

func TestDaysPastDue(t *testing.T) {
	due := time.Date(2026, 2, 28, 23, 0, 0, 0, time.UTC)
	st := []InstallmentState{
		{Number: 1, DueDate: due, Principal: 100, Interest: 5},
		{Number: 2, DueDate: AddMonths(due, 1), Principal: 100, Interest: 4},
	}
	tests := []struct {
		asOf time.Time
		want int
	}{
		{due.Add(-23 * time.Hour), 0},
		{due.Add(59 * time.Minute), 0}, // same day
		{due.Add(61 * time.Minute), 1}, // next day, 2 h later
		{time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC), 31},
		{time.Date(2027, 2, 28, 0, 0, 0, 0, time.UTC), 365},
	}
	for _, tc := range tests {
		if got := DaysPastDue(st, tc.asOf); got != tc.want {
			t.Errorf("DaysPastDue at %v = %d, want %d", tc.asOf, got, tc.want)
		}
	}
	// A partly paid installment is still unpaid.
	st[0].InterestPaid = 5
	st[0].PrincipalPaid = 99
	if got := DaysPastDue(st, due.AddDate(0, 0, 10)); got != 10 {
		t.Errorf("partly paid: %d, want 10", got)
	}
	st[0].PrincipalPaid = 100
	if got := DaysPastDue(st, due.AddDate(0, 0, 10)); got != 0 {
		t.Errorf("paid: %d, want 0", got)
	}
	if got := DaysPastDue(nil, due); got != 0 {
		t.Errorf("empty: %d", got)
	}
}

func TestNextDuePastMaturity(t *testing.T) {
	plan := mustCompute(t, 500_000, 1200, 6, loanStart)
	st := NewStates(plan)
	asOf := dueOf(plan, 6).AddDate(0, 1, 0)
	next, due, ok := NextDue(st, asOf)
	if !ok || next.Number != 6 || due != plan.TotalPayable || due != Payoff(st, asOf) {
		t.Fatalf("NextDue past maturity = #%d %d %v, want #6 %d", next.Number, due, ok, plan.TotalPayable)
	}
}

// TestUnsortedStates: the order of the input slice does not matter.
func TestUnsortedStates(t *testing.T) {
	seed := testSeed(t)
	rng := rand.New(rand.NewPCG(seed, 11))
	plan := mustCompute(t, 2_345_678, 799, 36, loanStart)
	st := NewStates(plan)
	asOf := dueOf(plan, 5).AddDate(0, 0, 3)
	shuffled := slices.Clone(st)
	rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	for _, amount := range []int64{1, 5000, 200_000, Payoff(st, asOf)} {
		a1, c1, e1 := Allocate(st, amount, asOf)
		a2, c2, e2 := Allocate(shuffled, amount, asOf)
		if !slices.Equal(a1, a2) || c1 != c2 || !errors.Is(e1, e2) {
			t.Fatalf("seed %d: amount %d: %v %v %v vs %v %v %v", seed, amount, a1, c1, e1, a2, c2, e2)
		}
	}
	n1, d1, _ := NextDue(st, asOf)
	n2, d2, _ := NextDue(shuffled, asOf)
	if n1 != n2 || d1 != d2 || DaysPastDue(st, asOf) != DaysPastDue(shuffled, asOf) || Payoff(st, asOf) != Payoff(shuffled, asOf) {
		t.Fatalf("seed %d: shuffled input changes results", seed)
	}
}

// TestAllocateProperties runs random repayment histories (amounts, dates,
// early, late, partial, payoff) against random plans and checks every
// allocation against the rules.
func TestAllocateProperties(t *testing.T) {
	seed := testSeed(t)
	rng := rand.New(rand.NewPCG(seed, 12))
	iters := 400
	if testing.Short() {
		iters = 50
	}
	for range iters {
		p := rng.Int64N(1_000_000_000) + 1
		if rng.IntN(3) == 0 {
			p = rng.Int64N(10_000) + 1
		}
		plan := mustCompute(t, p, int32(rng.IntN(3001)), rng.IntN(120)+1, loanStart)
		if err := runHistory(plan, rng); err != nil {
			t.Fatalf("seed %d: P=%d bps=%d n=%d: %v", seed, plan.Principal, plan.AnnualRateBps, plan.TermMonths, err)
		}
	}
}

// step is one repayment: advance the clock by days, then pay an amount
// chosen by kind.
type step struct {
	days int
	kind int // 0 next due, 1 payoff, 2 fraction of payoff, 3 small, 4 payoff+x, 5 non-positive
	x    int64
}

func amountFor(s step, st []InstallmentState, asOf time.Time) int64 {
	payoff := Payoff(st, asOf)
	switch s.kind {
	case 0:
		_, due, _ := NextDue(st, asOf)
		return due
	case 1:
		return payoff
	case 2:
		return payoff * (s.x % 256) / 255
	case 3:
		return s.x%1000 + 1
	case 4:
		return payoff + s.x%1000 + 1
	default:
		return -(s.x % 3)
	}
}

// applySteps runs steps against a fresh state of plan, checking each
// allocation, and the end state.
func applySteps(plan Plan, steps []step) error {
	st := NewStates(plan)
	asOf := loanStart
	var paid int64
	for i, s := range steps {
		asOf = asOf.AddDate(0, 0, s.days)
		amount := amountFor(s, st, asOf)
		allocs, closed, err := Allocate(st, amount, asOf)
		if err := checkAllocation(st, amount, asOf, allocs, closed, err); err != nil {
			return fmt.Errorf("step %d (%+v) at %v: %w", i, s, asOf, err)
		}
		if err != nil {
			continue
		}
		st = Apply(st, allocs)
		paid += amount
		if err := ValidateStates(st); err != nil {
			return fmt.Errorf("step %d: %w", i, err)
		}
		if closed {
			break
		}
	}
	var principalPaid int64
	for _, s := range st {
		principalPaid += s.PrincipalPaid
	}
	if paid > plan.TotalPayable {
		return fmt.Errorf("paid %d > total payable %d", paid, plan.TotalPayable)
	}
	if IsClosed(st) != (principalPaid == plan.Principal) {
		return fmt.Errorf("closed %v with principal paid %d of %d", IsClosed(st), principalPaid, plan.Principal)
	}
	return nil
}

func runHistory(plan Plan, rng *rand.Rand) error {
	steps := make([]step, rng.IntN(2*plan.TermMonths+3))
	for i := range steps {
		steps[i] = step{days: rng.IntN(46), kind: rng.IntN(6), x: rng.Int64N(1 << 40)}
		if steps[i].kind == 1 && rng.IntN(4) != 0 {
			steps[i].kind = 0 // pay off rarely, so histories run long
		}
	}
	return applySteps(plan, steps)
}

func BenchmarkAllocate(b *testing.B) {
	plan := mustCompute(b, 1_000_000, 400, 48, loanStart)
	st := NewStates(plan)
	asOf := dueOf(plan, 3).AddDate(0, 0, 5)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Allocate(st, 80_000, asOf); err != nil {
			b.Fatal(err)
		}
	}
}
