package amortization

import (
	"errors"
	"testing"
	"time"
)

// FuzzCompute: any input either fails validation with the matching typed
// error, or yields a plan satisfying every invariant (checkPlan), including
// the exact half-even payment and the bound on the last installment.
func FuzzCompute(f *testing.F) {
	f.Add(int64(1_000_000), int32(400), 48, int64(1_769_853_600)) // hand vector, 2026-01-31
	f.Add(int64(100), int32(0), 60, int64(0))
	f.Add(int64(100), int32(400), 60, int64(0))
	f.Add(int64(1), int32(3000), 360, int64(0))
	f.Add(int64(200), int32(10000), 600, int64(0))
	f.Add(int64(12345), int32(0), 1, int64(-62_135_596_800)) // year 1
	f.Add(MaxPrincipal, int32(10000), 600, int64(4_102_444_800))
	f.Add(int64(3_969_073), int32(3000), 360, int64(0)) // payment lowered
	f.Add(int64(0), int32(400), 48, int64(0))
	f.Add(int64(1000), int32(-1), 48, int64(0))
	f.Add(int64(1000), int32(400), 601, int64(0))
	f.Fuzz(func(t *testing.T, principal int64, bps int32, term int, startUnix int64) {
		var start time.Time
		if startUnix != 0 {
			// Keep years in 1..9999 so that RFC 3339 style dates stay sane.
			const lo, hi = -62_135_596_800, 253_402_300_799 - 600*31*86400
			if startUnix < lo || startUnix > hi {
				startUnix = lo + (startUnix%(hi-lo)+(hi-lo))%(hi-lo)
			}
			start = time.Unix(startUnix, 0).UTC()
		}
		plan, err := Compute(principal, bps, term, start)
		switch {
		case principal <= 0 || principal > MaxPrincipal:
			if !errors.Is(err, ErrInvalidAmount) {
				t.Fatalf("Compute(%d, %d, %d): %v, want ErrInvalidAmount", principal, bps, term, err)
			}
		case term < MinTermMonths || term > MaxTermMonths:
			if !errors.Is(err, ErrInvalidTerm) {
				t.Fatalf("Compute(%d, %d, %d): %v, want ErrInvalidTerm", principal, bps, term, err)
			}
		case bps < MinRateBps || bps > MaxRateBps:
			if !errors.Is(err, ErrInvalidRate) {
				t.Fatalf("Compute(%d, %d, %d): %v, want ErrInvalidRate", principal, bps, term, err)
			}
		case err != nil:
			t.Fatalf("Compute(%d, %d, %d): %v", principal, bps, term, err)
		default:
			if err := checkPlan(plan, principal, bps, term, start); err != nil {
				t.Fatalf("Compute(%d, %d, %d, %v): %v", principal, bps, term, start, err)
			}
		}
	})
}

// FuzzAllocate: a plan from (principal, bps, term) mapped into the valid
// ranges, then a repayment history decoded from ops, 4 bytes a step (days to
// advance, amount kind, two bytes of parameter). Every allocation is checked
// against the rules (checkAllocation) and the end state for consistency.
func FuzzAllocate(f *testing.F) {
	f.Add(int64(1_000_000), int32(400), uint16(48), []byte{31, 0, 0, 0, 31, 0, 0, 0, 31, 0, 0, 0})
	f.Add(int64(1_000_000), int32(400), uint16(48), []byte{95, 2, 1, 200, 0, 3, 0, 7, 0, 1, 0, 0})
	f.Add(int64(100), int32(400), uint16(60), []byte{40, 0, 0, 0, 0, 2, 0, 128, 200, 1, 0, 0})
	f.Add(int64(555_555), int32(3000), uint16(120), []byte{10, 4, 0, 0, 0, 5, 0, 1, 5, 2, 255, 255})
	f.Add(int64(1), int32(0), uint16(1), []byte{0, 1, 0, 0})
	f.Fuzz(func(t *testing.T, principal int64, bps int32, term uint16, ops []byte) {
		p := principal % MaxPrincipal
		if p <= 0 {
			p += MaxPrincipal
		}
		r := bps % (MaxRateBps + 1)
		if r < 0 {
			r = -r
		}
		n := 1 + int(term)%MaxTermMonths
		plan, err := Compute(p, r, n, loanStart)
		if err != nil {
			t.Fatalf("Compute(%d, %d, %d): %v", p, r, n, err)
		}
		var steps []step
		for i := 0; i+4 <= len(ops) && len(steps) < 1000; i += 4 {
			steps = append(steps, step{
				days: int(ops[i]),
				kind: int(ops[i+1]) % 6,
				x:    int64(ops[i+2])<<8 | int64(ops[i+3]),
			})
		}
		if err := applySteps(plan, steps); err != nil {
			t.Fatalf("P=%d bps=%d n=%d: %v", p, r, n, err)
		}
	})
}
