package httpapi_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/acme/lending/gen/api/client"
	"github.com/acme/lending/internal/apitest"
	"github.com/acme/lending/internal/jobs"
)

// parallel runs fn n times concurrently and counts the status codes.
func parallel(n int, fn func(i int) int) map[int]int {
	var mu sync.Mutex
	counts := map[int]int{}
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-start
			code := fn(i)
			mu.Lock()
			counts[code]++
			mu.Unlock()
		}(i)
	}
	close(start)
	wg.Wait()
	return counts
}

func TestConcurrentWithdrawalsNeverOverdraw(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	u := env.Register("rush")
	deposit(t, u, 10_000)
	counts := parallel(200, func(int) int {
		r, err := u.C.RequestWithdrawalWithResponse(ctx, nil, client.RequestWithdrawalJSONRequestBody{Amount: 1_000, Destination: "IBAN"})
		if err != nil {
			return -1
		}
		return r.StatusCode()
	})
	if counts[201] != 10 || counts[201]+counts[422]+counts[409] != 200 {
		t.Fatalf("outcomes %v: want exactly 10 x 201 and the rest 422/409", counts)
	}
	if w := walletOf(t, u); w.Available != 0 || w.Held != 10_000 {
		t.Fatalf("wallet %+v", w)
	}
	env.CheckLedger()
}

func TestConcurrentDisburseCreditsOnce(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	u, admin := env.Register("dis"), env.Admin()
	l := apply(t, u, 100_000, 12)
	decide(t, admin, l.Id, client.Approve)
	counts := parallel(50, func(i int) int {
		c := u.C
		if i%2 == 0 {
			c = admin.C
		}
		r, err := c.DisburseLoanWithResponse(ctx, l.Id, nil)
		if err != nil {
			return -1
		}
		return r.StatusCode()
	})
	if counts[200] != 1 || counts[409] != 49 {
		t.Fatalf("outcomes %v", counts)
	}
	if w := walletOf(t, u); w.Available != 100_000 {
		t.Fatalf("wallet %+v", w)
	}
	env.CheckLedger()
}

func TestConcurrentDecisionsOneWins(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	u, admin := env.Register("dec"), env.Admin()
	for round := 0; round < 3; round++ {
		l := apply(t, u, 100_000, 12)
		var mu sync.Mutex
		wins := map[string]int{}
		counts := parallel(100, func(i int) int {
			var code int
			kind := [...]string{"approve", "reject", "cancel"}[i%3]
			switch kind {
			case "approve":
				r, _ := admin.C.DecideLoanWithResponse(ctx, l.Id, nil, client.DecideLoanJSONRequestBody{Decision: client.Approve, Reason: "ok"})
				code = r.StatusCode()
			case "reject":
				r, _ := admin.C.DecideLoanWithResponse(ctx, l.Id, nil, client.DecideLoanJSONRequestBody{Decision: client.Reject, Reason: "no"})
				code = r.StatusCode()
			default:
				r, _ := u.C.CancelLoanWithResponse(ctx, l.Id)
				code = r.StatusCode()
			}
			if code == 200 {
				mu.Lock()
				wins[kind]++
				mu.Unlock()
			}
			return code
		})
		// One decision wins; the only legal follow-up is a cancel of an approved loan.
		decided := wins["approve"] + wins["reject"] + wins["cancel"]
		legal := decided == 1 || (decided == 2 && wins["approve"] == 1 && wins["cancel"] == 1)
		if !legal || counts[200] != decided || counts[409] != 100-decided {
			t.Fatalf("round %d: wins %v, outcomes %v", round, wins, counts)
		}
		ev, _ := u.C.ListLoanEventsWithResponse(ctx, l.Id)
		if len(ev.JSON200.Items) != decided+1 {
			t.Fatalf("events: %s", ev.Body)
		}
	}
}

func TestConcurrentProcessAndCancelResolveOnce(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	u, admin := env.Register("pc"), env.Admin()
	deposit(t, u, 5_000)
	for round := 0; round < 5; round++ {
		r, _ := u.C.RequestWithdrawalWithResponse(ctx, nil, client.RequestWithdrawalJSONRequestBody{Amount: 1_000, Destination: "IBAN"})
		id := r.JSON201.Id
		counts := parallel(20, func(i int) int {
			if i%2 == 0 {
				r, _ := admin.C.ProcessWithdrawalWithResponse(ctx, id, nil)
				return r.StatusCode()
			}
			r, _ := admin.C.CancelWithdrawalWithResponse(ctx, id, nil, client.CancelWithdrawalJSONRequestBody{})
			return r.StatusCode()
		})
		if counts[200] != 1 || counts[409] != 19 {
			t.Fatalf("round %d outcomes %v", round, counts)
		}
	}
	env.CheckLedger()
}

func TestIdempotentDeposit(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	u := env.Register("idem")
	key := "dep-" + strconv.Itoa(rand.IntN(1e9))
	params := &client.DepositParams{IdempotencyKey: &key}
	first, _ := u.C.DepositWithResponse(ctx, params, client.DepositJSONRequestBody{Amount: 2_500})
	if first.StatusCode() != 201 || first.HTTPResponse.Header.Get("Idempotency-Replayed") != "" {
		t.Fatalf("first: %d %s", first.StatusCode(), first.Body)
	}
	for i := 0; i < 19; i++ {
		r, _ := u.C.DepositWithResponse(ctx, params, client.DepositJSONRequestBody{Amount: 2_500})
		if r.StatusCode() != 201 || string(r.Body) != string(first.Body) || r.HTTPResponse.Header.Get("Idempotency-Replayed") != "true" {
			t.Fatalf("replay %d: %d %s", i, r.StatusCode(), r.Body)
		}
	}
	// In parallel with a fresh key: one effect; others replay or see it in flight (409).
	key2 := key + "-parallel"
	var mu sync.Mutex
	bodies := map[string]int{}
	counts := parallel(20, func(int) int {
		r, _ := u.C.DepositWithResponse(ctx, &client.DepositParams{IdempotencyKey: &key2}, client.DepositJSONRequestBody{Amount: 1_000})
		if r.StatusCode() == 409 && r.HTTPResponse.Header.Get("Retry-After") == "" {
			return -409 // an in-flight answer must say when to retry
		}
		if r.StatusCode() == 201 {
			mu.Lock()
			bodies[string(r.Body)]++
			mu.Unlock()
		}
		return r.StatusCode()
	})
	if counts[201]+counts[409] != 20 || len(bodies) != 1 {
		t.Fatalf("parallel outcomes %v, distinct bodies %d", counts, len(bodies))
	}
	// Same key, another body: 422 and nothing happens.
	other, _ := u.C.DepositWithResponse(ctx, params, client.DepositJSONRequestBody{Amount: 9_999})
	assertProblem(t, other.HTTPResponse, other.Body, 422)
	if w := walletOf(t, u); w.Available != 3_500 {
		t.Fatalf("wallet %d, want 3500 (one effect per key)", w.Available)
	}
	// Keys are scoped per caller: another user may use the same key.
	v := env.Register("idem2")
	if r, _ := v.C.DepositWithResponse(ctx, params, client.DepositJSONRequestBody{Amount: 2_500}); r.StatusCode() != 201 || r.HTTPResponse.Header.Get("Idempotency-Replayed") != "" {
		t.Fatalf("other user's key: %d", r.StatusCode())
	}
	// A failed request does not burn its key.
	k3 := key + "-retry"
	w1, _ := u.C.RequestWithdrawalWithResponse(ctx, &client.RequestWithdrawalParams{IdempotencyKey: &k3}, client.RequestWithdrawalJSONRequestBody{Amount: 1_000_000, Destination: "X"})
	assertProblem(t, w1.HTTPResponse, w1.Body, 422)
	deposit(t, u, 1_000_000)
	w2, _ := u.C.RequestWithdrawalWithResponse(ctx, &client.RequestWithdrawalParams{IdempotencyKey: &k3}, client.RequestWithdrawalJSONRequestBody{Amount: 1_000_000, Destination: "X"})
	if w2.StatusCode() != 201 {
		t.Fatalf("retry after failure: %d %s", w2.StatusCode(), w2.Body)
	}
	env.CheckLedger()
}

// TestRandomizedMoneyMix hammers the ledger with a seeded random mix of
// operations from many goroutines and then checks the invariants.
// Reproduce a failure with LEDGER_SEED=<seed>.
func TestRandomizedMoneyMix(t *testing.T) {
	t.Parallel()
	seed := rand.Uint64()
	if s := os.Getenv("LEDGER_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("LEDGER_SEED=%d", seed)
	env := apitest.New(t)
	admin := env.Admin()
	const borrowers, workers, steps = 4, 8, 40
	users := make([]*apitest.User, borrowers)
	loans := make([]client.Loan, borrowers)
	for i := range users {
		users[i] = env.Register(fmt.Sprintf("mix%d", i))
		loans[i] = apply(t, users[i], 200_000, 12)
		decide(t, admin, loans[i].Id, client.Approve)
	}
	var wg sync.WaitGroup
	errs := make(chan error, workers*steps)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(seed, uint64(w)))
			for s := 0; s < steps; s++ {
				i := rng.IntN(borrowers)
				u := users[i]
				var code int
				switch rng.IntN(7) {
				case 0:
					r, _ := u.C.DepositWithResponse(ctx, nil, client.DepositJSONRequestBody{Amount: 1 + rng.Int64N(50_000)})
					code = r.StatusCode()
				case 1:
					r, _ := u.C.RequestWithdrawalWithResponse(ctx, nil, client.RequestWithdrawalJSONRequestBody{Amount: 1 + rng.Int64N(50_000), Destination: "X"})
					code = r.StatusCode()
				case 2:
					r, _ := u.C.DisburseLoanWithResponse(ctx, loans[i].Id, nil)
					code = r.StatusCode()
				case 3:
					r, _ := u.C.RepayWithResponse(ctx, nil, client.RepayJSONRequestBody{LoanId: loans[i].Id, Amount: 1 + rng.Int64N(30_000)})
					code = r.StatusCode()
				case 4:
					list, _ := admin.C.ListWithdrawalsWithResponse(ctx, &client.ListWithdrawalsParams{Status: ptr(client.WithdrawalStatusPending), Limit: ptr(int32(1))})
					if list.JSON200 != nil && len(list.JSON200.Items) > 0 {
						id := list.JSON200.Items[0].Id
						if rng.IntN(2) == 0 {
							r, _ := admin.C.ProcessWithdrawalWithResponse(ctx, id, nil)
							code = r.StatusCode()
						} else {
							r, _ := admin.C.CancelWithdrawalWithResponse(ctx, id, nil, client.CancelWithdrawalJSONRequestBody{})
							code = r.StatusCode()
						}
					}
				case 5:
					// The delinquency sweep racing repayments on the same loans: the
					// overdue running totals must still match the installments.
					if _, err := jobs.Sweep(ctx, env.Pool, env.Now()); err != nil {
						errs <- fmt.Errorf("worker %d step %d: sweep: %w", w, s, err)
					}
				default:
					env.Advance(time.Duration(rng.Int64N(int64(10 * 24 * time.Hour))))
				}
				if code >= 500 {
					errs <- fmt.Errorf("worker %d step %d: status %d", w, s, code)
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	env.CheckLedger()
	// Every wallet's transactions chain: the newest balance_after equals the wallet.
	for _, u := range users {
		w := walletOf(t, u)
		tx, _ := u.C.ListTransactionsWithResponse(ctx, &client.ListTransactionsParams{Limit: ptr(int32(1))})
		if len(tx.JSON200.Items) > 0 && tx.JSON200.Items[0].BalanceAfter != w.Available {
			t.Fatalf("wallet %d but last balance_after %d", w.Available, tx.JSON200.Items[0].BalanceAfter)
		}
	}
}

func TestLedgerRowsAreImmutable(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	u := env.Register("imm")
	deposit(t, u, 1_000)
	for _, stmt := range []string{
		"UPDATE ledger_transfers SET amount = amount + 1",
		"DELETE FROM ledger_transfers",
		"UPDATE wallet_transactions SET amount = 5",
		"TRUNCATE ledger_transfers CASCADE",
	} {
		if _, err := env.Pool.Exec(context.Background(), stmt); err == nil {
			t.Fatalf("%q succeeded", stmt)
		}
	}
	// A direct attempt to overdraw a wallet is refused by the CHECK as well.
	if _, err := env.Pool.Exec(context.Background(), "UPDATE ledger_accounts SET balance = -1 WHERE kind = 'wallet'"); err == nil {
		t.Fatal("negative wallet accepted")
	}
	env.CheckLedger()
}
