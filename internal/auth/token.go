package auth

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwt"
)

// Tokens signs and verifies access tokens. The algorithm is pinned to
// HS256: a token claiming any other algorithm (none included) fails.
type Tokens struct {
	key      []byte
	issuer   string
	audience string
	ttl      time.Duration
	now      func() time.Time
	verified verifiedCache
}

// skew is the clock difference tolerated on exp, nbf and iat.
const skew = 5 * time.Second

// NewTokens builds a signer/verifier.
func NewTokens(key []byte, issuer, audience string, ttl time.Duration) *Tokens {
	return &Tokens{key: key, issuer: issuer, audience: audience, ttl: ttl, now: time.Now}
}

// TTL is the access token lifetime.
func (t *Tokens) TTL() time.Duration { return t.ttl }

// Issue signs an access token for a session.
func (t *Tokens) Issue(userID, sessionID uuid.UUID, role string) (string, error) {
	now := t.now()
	tok, err := jwt.NewBuilder().
		Issuer(t.issuer).
		Audience([]string{t.audience}).
		Subject(userID.String()).
		IssuedAt(now).
		NotBefore(now).
		Expiration(now.Add(t.ttl)).
		JwtID(uuid.NewString()).
		Claim("role", role).
		Claim("sid", sessionID.String()).
		Build()
	if err != nil {
		return "", err
	}
	signed, err := jwt.Sign(tok, jwt.WithKey(jwa.HS256, t.key))
	if err != nil {
		return "", err
	}
	return string(signed), nil
}

// Verify checks signature, algorithm, exp/nbf/iat, issuer and audience and
// returns the claims the server relies on.
//
// A client sends the same token with every request until it expires, and
// parsing it costs more than the rest of a cached read; so a token that
// verified once is remembered by its exact text. Signature, issuer and
// audience cannot change for the same text; only the time window is
// checked again on each use.
func (t *Tokens) Verify(raw string) (Principal, error) {
	if c, ok := t.verified.get(raw); ok {
		now := t.now()
		if now.Before(c.notBefore.Add(-skew)) || !now.Before(c.expires.Add(skew)) {
			return Principal{}, errors.New("token outside its validity window")
		}
		return c.principal, nil
	}
	if err := requireHS256(raw); err != nil {
		return Principal{}, err
	}
	tok, err := jwt.ParseString(raw,
		jwt.WithKey(jwa.HS256, t.key),
		jwt.WithValidate(true),
		jwt.WithIssuer(t.issuer),
		jwt.WithAudience(t.audience),
		jwt.WithClock(jwt.ClockFunc(t.now)),
		jwt.WithAcceptableSkew(skew),
		jwt.WithRequiredClaim("sid"),
		jwt.WithRequiredClaim("role"),
		jwt.WithRequiredClaim(jwt.ExpirationKey),
	)
	if err != nil {
		return Principal{}, err
	}
	uid, err := uuid.Parse(tok.Subject())
	if err != nil {
		return Principal{}, fmt.Errorf("bad subject: %w", err)
	}
	sidClaim, _ := tok.Get("sid")
	sidStr, _ := sidClaim.(string)
	sid, err := uuid.Parse(sidStr)
	if err != nil {
		return Principal{}, fmt.Errorf("bad sid: %w", err)
	}
	roleClaim, _ := tok.Get("role")
	role, _ := roleClaim.(string)
	p := Principal{UserID: uid, SessionID: sid, Role: role}
	t.verified.put(raw, verifiedToken{principal: p, notBefore: tok.NotBefore(), expires: tok.Expiration()}, t.now())
	return p, nil
}

// verifiedCache remembers tokens that passed verification, bounded in
// size: when full, expired entries go, and if none had expired, all go
// (the next request of each client verifies its token once more).
type verifiedCache struct {
	mu      sync.Mutex
	entries map[string]verifiedToken
}

type verifiedToken struct {
	principal          Principal
	notBefore, expires time.Time
}

const maxVerifiedTokens = 50_000

func (c *verifiedCache) get(raw string) (verifiedToken, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.entries[raw]
	return v, ok
}

func (c *verifiedCache) put(raw string, v verifiedToken, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = make(map[string]verifiedToken)
	}
	if len(c.entries) >= maxVerifiedTokens {
		for k, e := range c.entries {
			if !now.Before(e.expires.Add(skew)) {
				delete(c.entries, k)
			}
		}
		if len(c.entries) >= maxVerifiedTokens {
			clear(c.entries)
		}
	}
	c.entries[raw] = v
}

// requireHS256 refuses a token whose header names any algorithm but ours:
// the signature is checked with HS256 whatever the header says, and a
// header that lies (none, RS256) marks a forged or confused token.
func requireHS256(raw string) error {
	head, _, ok := strings.Cut(raw, ".")
	if !ok {
		return errors.New("not a JWS")
	}
	b, err := base64.RawURLEncoding.DecodeString(head)
	if err != nil {
		return fmt.Errorf("header: %w", err)
	}
	var h struct {
		Alg string `json:"alg"`
	}
	if err := json.Unmarshal(b, &h); err != nil {
		return fmt.Errorf("header: %w", err)
	}
	if h.Alg != jwa.HS256.String() {
		return fmt.Errorf("algorithm %q not accepted", h.Alg)
	}
	return nil
}
