package securitytest_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
	"github.com/lestrrat-go/jwx/v2/jws"
	"github.com/lestrrat-go/jwx/v2/jwt"

	"github.com/acme/lending/internal/apitest"
	"github.com/acme/lending/internal/config"
)

// claimOf reads one claim of a JWT without verifying it.
func claimOf(t *testing.T, token, name string) string {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("not a JWT: %q", token)
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	s, _ := m[name].(string)
	return s
}

// raw builds header.payload.signature by hand (for headers a JWT library
// refuses to produce); sign computes the signature over the first two.
func rawJWT(t *testing.T, header, payload map[string]any, sign func(input string) []byte) string {
	t.Helper()
	enc := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return base64.RawURLEncoding.EncodeToString(b)
	}
	input := enc(header) + "." + enc(payload)
	var sig []byte
	if sign != nil {
		sig = sign(input)
	}
	return input + "." + base64.RawURLEncoding.EncodeToString(sig)
}

func hs256(key []byte) func(string) []byte {
	return func(in string) []byte {
		m := hmac.New(sha256.New, key)
		m.Write([]byte(in))
		return m.Sum(nil)
	}
}

// API2 Broken Authentication: forged access tokens that would take over
// the victim's account. A correctly signed control token with the same
// claims works, so each refusal is due to the forgery alone.
func TestForgedAccessTokens(t *testing.T) {
	t.Parallel()
	env := apitest.New(t)
	victim, attacker := env.Register("victim"), env.Register("attacker")
	secret := env.App.Config.JWTSecret
	victimSID := claimOf(t, victim.AccessToken, "sid")
	attackerSID := claimOf(t, attacker.AccessToken, "sid")
	now := time.Now()

	claims := func(sub, sid string) map[string]any {
		return map[string]any{
			"iss": env.App.Config.JWTIssuer, "aud": []string{env.App.Config.JWTAudience},
			"sub": sub, "sid": sid, "role": "user", "jti": "x",
			"iat": now.Unix(), "nbf": now.Unix(), "exp": now.Add(5 * time.Minute).Unix(),
		}
	}
	victimClaims := claims(victim.ID.String(), victimSID)
	build := func(c map[string]any, drop ...string) jwt.Token {
		tok := jwt.New()
		for k, v := range c {
			skip := false
			for _, d := range drop {
				skip = skip || d == k
			}
			if skip {
				continue
			}
			if k == "iat" || k == "nbf" || k == "exp" {
				v = time.Unix(v.(int64), 0)
			}
			if err := tok.Set(k, v); err != nil {
				t.Fatal(err)
			}
		}
		return tok
	}
	sign := func(tok jwt.Token, opts ...jwt.SignOption) string {
		b, err := jwt.Sign(tok, opts...)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}

	control := sign(build(victimClaims), jwt.WithKey(jwa.HS256, secret))
	if r := send(t, env, req{method: "GET", path: "/api/auth/me", token: control}); r.Status != 200 {
		t.Fatalf("control token (correct key and algorithm) refused: %s", r)
	}

	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := jwk.FromRaw(rsaKey.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	embedded := jws.NewHeaders()
	if err := embedded.Set(jws.JWKKey, pub); err != nil {
		t.Fatal(err)
	}
	pubDER := []byte("-----BEGIN PUBLIC KEY-----\n" + base64.StdEncoding.EncodeToString(rsaKey.N.Bytes()) + "\n-----END PUBLIC KEY-----\n")
	future := claims(victim.ID.String(), victimSID)
	future["iat"] = now.Add(time.Hour).Unix()

	forged := map[string]string{
		// Algorithm confusion: the server's own key under another HMAC
		// algorithm must still be refused (the algorithm is pinned).
		"HS512 with the server key": sign(build(victimClaims), jwt.WithKey(jwa.HS512, secret)),
		"HS384 with the server key": sign(build(victimClaims), jwt.WithKey(jwa.HS384, secret)),
		// Header says RS256, signature is HMAC-SHA256 with the server key
		// (the classic RS/HS confusion), and with a public key as secret.
		"RS256 header, HMAC signature":   rawJWT(t, map[string]any{"alg": "RS256", "typ": "JWT"}, victimClaims, hs256(secret)),
		"HS256 signed with a public key": rawJWT(t, map[string]any{"alg": "HS256", "typ": "JWT"}, victimClaims, hs256(pubDER)),
		// Attacker-held asymmetric keys, with and without the key embedded.
		"RS256 attacker key":              sign(build(victimClaims), jwt.WithKey(jwa.RS256, rsaKey)),
		"RS256 attacker key, jwk header":  sign(build(victimClaims), jwt.WithKey(jwa.RS256, rsaKey, jws.WithProtectedHeaders(embedded))),
		"ES256 attacker key":              sign(build(victimClaims), jwt.WithKey(jwa.ES256, ecKey)),
		"alg None":                        rawJWT(t, map[string]any{"alg": "None", "typ": "JWT"}, victimClaims, nil),
		"alg NONE":                        rawJWT(t, map[string]any{"alg": "NONE"}, victimClaims, nil),
		"alg none with an HMAC signature": rawJWT(t, map[string]any{"alg": "none"}, victimClaims, hs256(secret)),
		"HS256 with an empty key":         rawJWT(t, map[string]any{"alg": "HS256", "typ": "JWT"}, victimClaims, hs256(nil)),
		"no signature segment":            strings.Join(strings.Split(control, ".")[:2], "."),
		// Correct key and algorithm, but claims the server must refuse.
		"no exp":                       sign(build(victimClaims, "exp"), jwt.WithKey(jwa.HS256, secret)),
		"no sid":                       sign(build(victimClaims, "sid"), jwt.WithKey(jwa.HS256, secret)),
		"issued in future":             sign(build(future), jwt.WithKey(jwa.HS256, secret)),
		"victim sub, attacker session": sign(build(claims(victim.ID.String(), attackerSID)), jwt.WithKey(jwa.HS256, secret)),
		"attacker sub, victim session": sign(build(claims(attacker.ID.String(), victimSID)), jwt.WithKey(jwa.HS256, secret)),
	}
	for name, tok := range forged {
		got := send(t, env, req{method: "GET", path: "/api/auth/me", token: tok})
		expectProblem(t, name, got, 401)
		if strings.Contains(string(got.Body), victim.Email) {
			t.Errorf("%s: the victim's profile was served", name)
		}
	}

	// A valid token outside the Authorization header does not authenticate
	// REST calls (query strings end up in logs and Referer headers).
	expectProblem(t, "token in the query string", send(t, env, req{method: "GET", path: "/api/auth/me?access_token=" + victim.AccessToken}), 401)
	expectProblem(t, "token with the Basic scheme", send(t, env, req{method: "GET", path: "/api/auth/me",
		header: map[string]string{"Authorization": "Basic " + victim.AccessToken}}), 401)
	expectProblem(t, "token as a cookie", send(t, env, req{method: "GET", path: "/api/auth/me",
		header: map[string]string{"Cookie": "access_token=" + victim.AccessToken}}), 401)
}

// API2/API4: login throttling per client address (credential stuffing
// over many e-mails), with a usable Retry-After, and an address the
// client cannot choose by sending X-Forwarded-For or X-Real-IP.
func TestLoginThrottlePerClientAddress(t *testing.T) {
	t.Parallel()
	env := apitest.New(t, func(c *config.Config) { c.LoginMaxFailures = 3 })
	victim := env.Register("victim")
	login := func(email, password string, hdr map[string]string) reply {
		return send(t, env, req{method: "POST", path: "/api/auth/login", header: hdr,
			body: map[string]any{"email": email, "password": password}})
	}
	// Three failures, each on a different account: the address is now locked.
	for i := range 3 {
		expectProblem(t, "failed login", login("nobody"+strconv.Itoa(i)+"@example.com", "wrong-password", nil), 401)
	}
	locked := login(victim.Email, victim.Password, nil)
	expectProblem(t, "login from a locked address", locked, 429)
	if ra, err := strconv.Atoi(locked.Header.Get("Retry-After")); err != nil || ra <= 0 || ra > int(env.App.Config.LoginLockout.Seconds())+5 {
		t.Errorf("Retry-After %q: want whole seconds within the lockout", locked.Header.Get("Retry-After"))
	}
	form := send(t, env, req{method: "POST", path: "/api/auth/login", ctype: "application/x-www-form-urlencoded",
		body: url.Values{"grant_type": {"password"}, "username": {victim.Email}, "password": {victim.Password}}.Encode()})
	expectProblem(t, "OAuth2 form login from a locked address", form, 429)

	// The test server is reached directly, not through a trusted proxy:
	// forwarding headers are the client's own words and must not give it a
	// fresh address (and a fresh set of attempts).
	for _, h := range []map[string]string{
		{"X-Forwarded-For": "198.51.100.7"},
		{"X-Real-IP": "198.51.100.8"},
		{"X-Forwarded-For": "198.51.100.9, 127.0.0.1"},
	} {
		expectProblem(t, "spoofed forwarding header "+strings.Join(keys(h), ","), login(victim.Email, victim.Password, h), 429)
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
