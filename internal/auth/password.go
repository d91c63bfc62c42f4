package auth

import (
	"golang.org/x/crypto/bcrypt"

	"github.com/acme/lending/internal/apperr"
)

// Passwords hashes and checks passwords with bcrypt.
type Passwords struct {
	cost  int
	dummy []byte // compared against for unknown e-mails so both paths take the same time
}

// NewPasswords prepares a hasher of the given bcrypt cost.
func NewPasswords(cost int) *Passwords {
	dummy, _ := bcrypt.GenerateFromPassword([]byte("timing-equaliser"), cost)
	return &Passwords{cost: cost, dummy: dummy}
}

// ValidatePassword enforces 8..72 bytes (bcrypt ignores bytes past 72).
func ValidatePassword(field, pw string) error {
	switch {
	case len(pw) < 8:
		return apperr.Field(field, "must be at least 8 bytes")
	case len(pw) > 72:
		return apperr.Field(field, "must be at most 72 bytes")
	}
	return nil
}

// Hash returns the bcrypt hash of pw.
func (p *Passwords) Hash(pw string) (string, error) {
	h, err := bcrypt.GenerateFromPassword([]byte(pw), p.cost)
	return string(h), err
}

// Verify reports whether pw matches hash; an empty hash burns the same time and fails.
func (p *Passwords) Verify(hash, pw string) bool {
	if hash == "" {
		_ = bcrypt.CompareHashAndPassword(p.dummy, []byte(pw))
		return false
	}
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(pw)) == nil
}
