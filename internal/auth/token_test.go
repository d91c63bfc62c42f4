package auth

import (
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
)

// The verified-token cache must not outlive a token's validity window or
// let an altered token through because its original was verified.
func TestVerifyRemembersOnlyWithinTheValidityWindow(t *testing.T) {
	clock := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	tokens := NewTokens([]byte(strings.Repeat("k", 32)), "lendingd", "lending-api", 15*time.Minute)
	tokens.now = func() time.Time { return clock }
	uid, sid := uuid.New(), uuid.New()
	raw, err := tokens.Issue(uid, sid, RoleUser)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 { // the second call is answered from the cache
		p, err := tokens.Verify(raw)
		if err != nil {
			t.Fatalf("verify #%d: %v", i+1, err)
		}
		if p.UserID != uid || p.SessionID != sid || p.Role != RoleUser {
			t.Fatalf("verify #%d: got %+v", i+1, p)
		}
	}

	// Another signature on the same claims is a different text: verified afresh and refused.
	head, _, _ := strings.Cut(raw, ".")
	forged := raw[:strings.LastIndex(raw, ".")+1] + "AAAA" + head[:4]
	if _, err := tokens.Verify(forged); err == nil {
		t.Fatal("a token with a forged signature verified")
	}

	// Before nbf (minus the skew) and after exp (plus the skew) the cached token is refused.
	clock = clock.Add(-skew - time.Second)
	if _, err := tokens.Verify(raw); err == nil {
		t.Fatal("a cached token verified before its nbf")
	}
	clock = clock.Add(skew + time.Second + 15*time.Minute + skew)
	if _, err := tokens.Verify(raw); err == nil {
		t.Fatal("a cached token verified after it expired")
	}
	clock = clock.Add(-time.Second)
	if _, err := tokens.Verify(raw); err != nil {
		t.Fatalf("a token inside its skew window was refused: %v", err)
	}
}

// A full cache drops what has expired first, then everything.
func TestVerifiedCacheStaysBounded(t *testing.T) {
	var c verifiedCache
	now := time.Now()
	live := verifiedToken{expires: now.Add(time.Hour)}
	c.entries = make(map[string]verifiedToken, maxVerifiedTokens)
	for i := range maxVerifiedTokens {
		v := live
		if i%2 == 0 {
			v.expires = now.Add(-time.Hour)
		}
		c.entries[uuid.NewString()] = v
	}
	c.put("new", live, now)
	if got, want := len(c.entries), maxVerifiedTokens/2+1; got != want {
		t.Fatalf("after evicting expired entries: %d entries, want %d", got, want)
	}
	for len(c.entries) < maxVerifiedTokens {
		c.entries[uuid.NewString()] = live
	}
	c.put("newer", live, now)
	if len(c.entries) != 1 {
		t.Fatalf("a cache full of live entries kept %d after a put, want 1", len(c.entries))
	}
	if _, ok := c.get("newer"); !ok {
		t.Fatal("the entry just put is missing")
	}
}
