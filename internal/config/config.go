// Package config reads the service configuration from environment
// variables (and a .env file when present). Every variable is listed in
// .env.example.
package config

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Config is the whole service configuration.
type Config struct {
	DatabaseURL string
	HTTPAddr    string
	// DebugAddr, when set, serves Go's pprof profiles on a separate
	// listener (keep it on loopback); empty disables it.
	DebugAddr    string
	DataDir      string
	JWTSecret    []byte
	JWTIssuer    string
	JWTAudience  string
	AccessTTL    time.Duration
	RefreshTTL   time.Duration
	BcryptCost   int
	CORSOrigins  []string
	TLSCertFile  string
	TLSKeyFile   string
	Currency     string
	MaxBodyBytes int64
	// TrustProxyHeaders takes the client address from X-Forwarded-For
	// (only behind a proxy that sets it); otherwise the TCP peer is used.
	TrustProxyHeaders bool
	DBMaxConns        int32

	LoginMaxFailures int // per e-mail or client address per window; 0 disables throttling
	LoginWindow      time.Duration
	LoginLockout     time.Duration

	Loan LoanLimits
	SMTP SMTP
}

// SMTP configures e-mail delivery; without Addr e-mails go to the log.
type SMTP struct {
	Addr, From, User, Password string
}

// LoanLimits are the product's terms.
type LoanLimits struct {
	AnnualRateBps int32
	DefaultTerm   int
	MinAmount     int64
	MaxAmount     int64
	MinTerm       int
	MaxTerm       int
}

// Load reads .env (if present, without overriding the environment) and the environment.
func Load() (Config, error) {
	if err := loadDotEnv(".env"); err != nil {
		return Config{}, err
	}
	c := Config{
		DatabaseURL:  os.Getenv("DATABASE_URL"),
		HTTPAddr:     str("HTTP_ADDR", "127.0.0.1:8080"),
		DebugAddr:    os.Getenv("DEBUG_ADDR"),
		DataDir:      str("DATA_DIR", ".data"),
		JWTIssuer:    str("JWT_ISSUER", "lendingd"),
		JWTAudience:  str("JWT_AUDIENCE", "lending-api"),
		TLSCertFile:  os.Getenv("TLS_CERT_FILE"),
		TLSKeyFile:   os.Getenv("TLS_KEY_FILE"),
		Currency:     strings.ToUpper(str("CURRENCY", "USD")),
		CORSOrigins:  list(os.Getenv("CORS_ORIGINS")),
		LoginWindow:  15 * time.Minute,
		LoginLockout: 15 * time.Minute,
	}
	var err error
	get := func(name string, def int64) int64 {
		v, e := integer(name, def)
		if e != nil && err == nil {
			err = e
		}
		return v
	}
	c.BcryptCost = int(get("BCRYPT_COST", 12))
	c.AccessTTL = time.Duration(get("ACCESS_TOKEN_TTL_SECONDS", 900)) * time.Second
	c.RefreshTTL = time.Duration(get("REFRESH_TOKEN_TTL_SECONDS", 30*24*3600)) * time.Second
	c.MaxBodyBytes = get("MAX_BODY_BYTES", 64<<10)
	c.DBMaxConns = int32(get("DB_MAX_CONNS", 20))
	c.LoginMaxFailures = int(get("LOGIN_MAX_FAILURES", 10))
	c.Loan = LoanLimits{
		AnnualRateBps: int32(get("LOAN_RATE_BPS", 400)),
		DefaultTerm:   int(get("LOAN_DEFAULT_TERM_MONTHS", 48)),
		MinAmount:     get("LOAN_MIN_AMOUNT", 10_000),
		MaxAmount:     get("LOAN_MAX_AMOUNT", 100_000_000),
		MinTerm:       int(get("LOAN_MIN_TERM_MONTHS", 6)),
		MaxTerm:       int(get("LOAN_MAX_TERM_MONTHS", 60)),
	}
	if err != nil {
		return Config{}, err
	}
	if c.BcryptCost < 4 || c.BcryptCost > 31 {
		return Config{}, fmt.Errorf("BCRYPT_COST must be 4..31")
	}
	if (c.TLSCertFile == "") != (c.TLSKeyFile == "") {
		return Config{}, errors.New("TLS_CERT_FILE and TLS_KEY_FILE go together")
	}
	if s := os.Getenv("JWT_SECRET"); s != "" {
		if len(s) < 32 {
			return Config{}, errors.New("JWT_SECRET must be at least 32 characters")
		}
		c.JWTSecret = []byte(s)
	}
	return c, nil
}

// EnsureJWTSecret fills JWTSecret from JWT_KEY_FILE, or from a random dev
// secret generated once and persisted in the data folder.
func (c *Config) EnsureJWTSecret() error {
	if len(c.JWTSecret) > 0 {
		return nil
	}
	path := os.Getenv("JWT_KEY_FILE")
	if path == "" {
		path = filepath.Join(c.DataDir, "jwt-secret")
	}
	if b, err := os.ReadFile(path); err == nil && len(strings.TrimSpace(string(b))) >= 32 {
		c.JWTSecret = []byte(strings.TrimSpace(string(b)))
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		return err
	}
	secret := hex.EncodeToString(buf)
	if err := os.WriteFile(path, []byte(secret+"\n"), 0o600); err != nil {
		return fmt.Errorf("persist dev JWT secret: %w", err)
	}
	c.JWTSecret = []byte(secret)
	return nil
}

func str(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func integer(name string, def int64) (int64, error) {
	v := os.Getenv(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", name, err)
	}
	return n, nil
}

func list(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// loadDotEnv sets KEY=VALUE lines of path that the environment lacks.
func loadDotEnv(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		k, v = strings.TrimSpace(k), strings.Trim(strings.TrimSpace(v), `"'`)
		if _, set := os.LookupEnv(k); !set {
			_ = os.Setenv(k, v)
		}
	}
	return sc.Err()
}
