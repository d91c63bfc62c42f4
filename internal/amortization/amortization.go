// Package amortization is the pure domain engine for loan schedules and
// repayments (GUIDE.md section 4).
//
// Money is int64 minor units (cents). No floating point is used anywhere:
// the regular payment is computed with exact rational arithmetic
// (math/big) and every rounding is half-even to the cent.
//
// Schedule rules (Compute):
//
//   - monthly rate r = bps / 10000 / 12 = bps / 120000, exactly;
//   - payment M = round_half_even(P*r / (1 - (1+r)^-n)), or
//     round_half_even(P/n) at a zero rate;
//   - each period: interest = round_half_even(balance*r),
//     principal = M - interest;
//   - the last installment takes all the remaining principal (its payment is
//     that balance plus its interest), so principals sum exactly to P.
//
// Early retirement guard. Rounding M up by up to half a cent overpays
// principal every period, and that error compounds (see below). When it
// exceeds the last installment's share, the half-even payment would retire
// the principal before installment n: e.g. 1.00 over 60 months at 0% gives
// round(1.6667) = 2 cents, paid off in month 50. This happens for tiny
// principals, and at high rates over long terms where the compounding is
// huge (measured: seen up to ~40,000.00 at 30% over 360 months; at 4% over
// 48 months only principals up to 10.87, checked exhaustively to 3,000.00). In that case, and only then, the payment is
// lowered one cent at a time until every installment before the last leaves
// a positive balance (the last then carries the difference). It is never
// lowered below round_half_even(P*r), the interest-only payment, which is
// always feasible, so principal parts are never negative and balances
// never increase.
//
// Accuracy of the last installment. Let M* be the exact payment,
// δ = M - M* (|δ| <= 1/2 unless lowered as above) and
// s_n(r) = ((1+r)^n - 1)/r (s_n(0) = n), the annuity accumulation factor.
// Every period adds an error of at most 1/2 (interest rounding) plus |δ| to
// the balance, compounded at r, so
//
//	|last payment - M| <= (1/2 + |δ|) * s_n(r)   (<= s_n(r) when M is not lowered).
//
// The error is systematic (the same δ every period), so |last - M| spreads
// evenly over that range rather than staying within a cent or two.
// s_48(4%/12) ≈ 52: at the product defaults the last installment is within
// about 35 cents of M (the hand vector's 1 cent is a lucky case).
// s_360(30%/12) ≈ 290,000: at high rates over long terms the schedule is
// nearly interest-only and half a cent in M moves the last installment by
// up to ~1,000.00. Measurements are in TestComputeProperties.
//
// Repayment rules (Payoff, Allocate, NextDue, DaysPastDue, InstallmentStatus)
// work on []InstallmentState, compare dates by UTC calendar day, and define
// the horizon at asOf as the due day of the first installment due on or
// after asOf's day: overdue installments plus the next one. Interest within
// the horizon is chargeable; later interest is never charged in advance and
// is waived when the loan closes (all principal paid).
package amortization

import (
	"errors"
	"fmt"
	"math/big"
	"math/bits"
	"time"
)

// Limits validated by Compute.
const (
	MinTermMonths = 1
	MaxTermMonths = 600
	MinRateBps    = 0
	MaxRateBps    = 10000 // 100.00 % a year
	// MaxPrincipal keeps every derived amount (total payable can reach about
	// 51x the principal at 100% over 600 months) far inside int64.
	MaxPrincipal int64 = 1_000_000_000_000_000 // 10^15 minor units
)

// rateDen is the denominator of the monthly rate: r = bps / rateDen.
const rateDen = 10000 * 12

// Errors returned by this package; match them with errors.Is. Returned errors
// wrap these sentinels with details about the offending value.
var (
	ErrInvalidAmount = errors.New("amortization: invalid amount")
	ErrInvalidTerm   = errors.New("amortization: invalid term")
	ErrInvalidRate   = errors.New("amortization: invalid rate")
	ErrExceedsPayoff = errors.New("amortization: amount exceeds payoff")
	ErrInvalidState  = errors.New("amortization: invalid installment state")
)

// Installment is one line of a schedule.
type Installment struct {
	Number       int       // 1-based
	DueDate      time.Time // zero in a quote without a start date
	Payment      int64     // principal + interest
	Principal    int64
	Interest     int64
	BalanceAfter int64 // principal outstanding after this installment
}

// Plan is a full schedule with its totals.
type Plan struct {
	Principal      int64
	AnnualRateBps  int32 // 400 = 4.00%
	TermMonths     int
	MonthlyPayment int64 // the regular payment (all but possibly the last)
	TotalInterest  int64
	TotalPayable   int64
	Installments   []Installment
}

// Validate checks the inputs of Compute.
func Validate(principal int64, annualRateBps int32, termMonths int) error {
	if principal <= 0 || principal > MaxPrincipal {
		return fmt.Errorf("%w: principal %d not in 1..%d", ErrInvalidAmount, principal, MaxPrincipal)
	}
	if termMonths < MinTermMonths || termMonths > MaxTermMonths {
		return fmt.Errorf("%w: term %d months not in %d..%d", ErrInvalidTerm, termMonths, MinTermMonths, MaxTermMonths)
	}
	if annualRateBps < MinRateBps || annualRateBps > MaxRateBps {
		return fmt.Errorf("%w: rate %d bps not in %d..%d", ErrInvalidRate, annualRateBps, MinRateBps, MaxRateBps)
	}
	return nil
}

// Compute builds the schedule. start is the disbursement time; installment k
// is due AddMonths(start, k) (zero start => zero due dates).
func Compute(principal int64, annualRateBps int32, termMonths int, start time.Time) (Plan, error) {
	if err := Validate(principal, annualRateBps, termMonths); err != nil {
		return Plan{}, err
	}
	bps := int64(annualRateBps)
	n := termMonths

	payment := RegularPayment(principal, annualRateBps, termMonths)
	plan := Plan{
		Principal:     principal,
		AnnualRateBps: annualRateBps,
		TermMonths:    n,
		Installments:  make([]Installment, n),
	}
	// Tiny-loan guard (see package doc): lower the payment until every
	// installment before the last leaves a positive balance. The interest-only
	// payment is always feasible, so the loop ends there at the latest.
	interestOnly := monthlyInterest(principal, bps)
	for !fill(&plan, payment) && payment > interestOnly {
		payment--
	}
	if !start.IsZero() {
		for k := range plan.Installments {
			plan.Installments[k].DueDate = AddMonths(start, k+1)
		}
	}
	return plan, nil
}

// fill writes the schedule for the given regular payment into plan (whose
// Principal, AnnualRateBps, TermMonths and Installments are set) and reports
// whether every installment before the last left a positive balance. It
// stops early, returning false, at the first one that does not.
func fill(plan *Plan, payment int64) bool {
	bps := int64(plan.AnnualRateBps)
	n := plan.TermMonths
	balance := plan.Principal
	var total int64
	for k := 1; k <= n; k++ {
		interest := monthlyInterest(balance, bps)
		princ := payment - interest
		if k == n {
			princ = balance
		}
		balance -= princ
		if k < n && balance <= 0 {
			return false
		}
		plan.Installments[k-1] = Installment{
			Number:       k,
			Payment:      princ + interest,
			Principal:    princ,
			Interest:     interest,
			BalanceAfter: balance,
		}
		total += interest
	}
	plan.MonthlyPayment = payment
	plan.TotalInterest = total
	plan.TotalPayable = plan.Principal + total
	return true
}

// RegularPayment returns round_half_even(P*r / (1 - (1+r)^-n)) with
// r = bps/120000, computed exactly (P/n at a zero rate). Inputs must satisfy
// Validate; the result is the unadjusted payment (Compute may lower it for
// tiny loans, see the package doc).
func RegularPayment(principal int64, annualRateBps int32, termMonths int) int64 {
	if annualRateBps == 0 {
		return roundHalfEven(big.NewInt(principal), big.NewInt(int64(termMonths)))
	}
	// With D = 120000 and N = D + bps, (1+r) = N/D and
	//   P*r / (1 - (1+r)^-n) = P*r*(1+r)^n / ((1+r)^n - 1)
	//                        = P * bps * N^n / (D * (N^n - D^n)).
	// Integer powers by exponentiation (repeated squaring/multiplication).
	d := big.NewInt(rateDen)
	nn := new(big.Int).Add(d, big.NewInt(int64(annualRateBps)))
	e := big.NewInt(int64(termMonths))
	nPow := new(big.Int).Exp(nn, e, nil)
	dPow := new(big.Int).Exp(d, e, nil)

	num := new(big.Int).Mul(big.NewInt(principal), big.NewInt(int64(annualRateBps)))
	num.Mul(num, nPow)
	den := dPow.Sub(nPow, dPow) // reuses dPow's storage
	den.Mul(den, d)
	return roundHalfEven(num, den)
}

// roundHalfEven returns num/den rounded half to even. num >= 0, den > 0, and
// the result must fit in int64.
func roundHalfEven(num, den *big.Int) int64 {
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	r.Lsh(r, 1)
	switch c := r.Cmp(den); {
	case c > 0, c == 0 && q.Bit(0) == 1:
		q.Add(q, big.NewInt(1))
	}
	return q.Int64()
}

// monthlyInterest returns round_half_even(balance * bps / 120000) exactly,
// using a 128-bit product. balance >= 0, 0 <= bps <= MaxRateBps.
func monthlyInterest(balance, bps int64) int64 {
	if balance <= 0 || bps == 0 {
		return 0
	}
	hi, lo := bits.Mul64(uint64(balance), uint64(bps))
	// hi < 2^63*10^4/2^64 < rateDen, so Div64 cannot overflow.
	q, rem := bits.Div64(hi, lo, rateDen)
	if 2*rem > rateDen || (2*rem == rateDen && q&1 == 1) {
		q++
	}
	return int64(q)
}

// AddMonths adds n calendar months to t in UTC, keeping the time of day and
// clamping the day to the last day of a shorter month (Jan 31 + 1 month =
// Feb 28, or Feb 29 in a leap year). n may be negative.
func AddMonths(t time.Time, n int) time.Time {
	t = t.UTC()
	y, m, d := t.Date()
	total := y*12 + int(m) - 1 + n
	ny, nm := total/12, total%12
	if nm < 0 { // floor division for dates before year 0
		ny, nm = ny-1, nm+12
	}
	month := time.Month(nm + 1)
	if last := daysIn(ny, month); d > last {
		d = last
	}
	hh, mm, ss := t.Clock()
	return time.Date(ny, month, d, hh, mm, ss, t.Nanosecond(), time.UTC)
}

// daysIn returns the number of days of month m in year y.
func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
