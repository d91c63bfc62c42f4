package auth

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
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
}

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
func (t *Tokens) Verify(raw string) (Principal, error) {
	if err := requireHS256(raw); err != nil {
		return Principal{}, err
	}
	tok, err := jwt.ParseString(raw,
		jwt.WithKey(jwa.HS256, t.key),
		jwt.WithValidate(true),
		jwt.WithIssuer(t.issuer),
		jwt.WithAudience(t.audience),
		jwt.WithClock(jwt.ClockFunc(t.now)),
		jwt.WithAcceptableSkew(5*time.Second),
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
	return Principal{UserID: uid, SessionID: sid, Role: role}, nil
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
