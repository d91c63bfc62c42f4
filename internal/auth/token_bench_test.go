package auth_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/acme/lending/internal/auth"
)

var benchSecret = []byte("bench-secret-that-is-at-least-32-bytes-long")

// BenchmarkTokenVerify is the signature and claims check every
// authenticated request pays before its session lookup.
func BenchmarkTokenVerify(b *testing.B) {
	tokens := auth.NewTokens(benchSecret, "lendingd", "lending-api", 15*time.Minute)
	raw, err := tokens.Issue(uuid.New(), uuid.New(), auth.RoleUser)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tokens.Verify(raw); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTokenVerifyParallel: the same on every core at once.
func BenchmarkTokenVerifyParallel(b *testing.B) {
	tokens := auth.NewTokens(benchSecret, "lendingd", "lending-api", 15*time.Minute)
	raw, err := tokens.Issue(uuid.New(), uuid.New(), auth.RoleUser)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := tokens.Verify(raw); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkTokenVerifyReject: a forged token is refused at least as cheaply.
func BenchmarkTokenVerifyReject(b *testing.B) {
	tokens := auth.NewTokens(benchSecret, "lendingd", "lending-api", 15*time.Minute)
	other := auth.NewTokens([]byte("another-secret-another-secret-another!"), "lendingd", "lending-api", 15*time.Minute)
	raw, err := other.Issue(uuid.New(), uuid.New(), auth.RoleUser)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tokens.Verify(raw); err == nil {
			b.Fatal("forged token accepted")
		}
	}
}

// BenchmarkTokenIssue is the signing cost of login and refresh.
func BenchmarkTokenIssue(b *testing.B) {
	tokens := auth.NewTokens(benchSecret, "lendingd", "lending-api", 15*time.Minute)
	uid, sid := uuid.New(), uuid.New()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tokens.Issue(uid, sid, auth.RoleUser); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPasswordVerify is what bounds login throughput: one bcrypt
// comparison per attempt, at the test cost (4), the default dev/bench
// cost (10) and the production default (12).
func BenchmarkPasswordVerify(b *testing.B) {
	for _, cost := range []int{4, 10, 12} {
		b.Run("cost="+strconv.Itoa(cost), func(b *testing.B) {
			pw := auth.NewPasswords(cost)
			hash, err := pw.Hash("correct-horse-battery")
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if !pw.Verify(hash, "correct-horse-battery") {
					b.Fatal("password refused")
				}
			}
		})
	}
}

// BenchmarkTokenVerifyFirstUse: a token's first verification (a new
// client or a refreshed token), before the verified-token cache knows it.
func BenchmarkTokenVerifyFirstUse(b *testing.B) {
	raw, err := auth.NewTokens(benchSecret, "lendingd", "lending-api", 15*time.Minute).Issue(uuid.New(), uuid.New(), auth.RoleUser)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		tokens := auth.NewTokens(benchSecret, "lendingd", "lending-api", 15*time.Minute)
		if _, err := tokens.Verify(raw); err != nil {
			b.Fatal(err)
		}
	}
}
