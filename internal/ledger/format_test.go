package ledger

import "testing"

func TestFormatMinor(t *testing.T) {
	for v, want := range map[int64]string{
		0: "0.00", 5: "0.05", 12345: "123.45", 100000: "1,000.00", 1234567: "12,345.67",
		100000000000: "1,000,000,000.00", -250: "-2.50", -123456789: "-1,234,567.89",
	} {
		if got := FormatMinor(v); got != want {
			t.Errorf("FormatMinor(%d) = %q, want %q", v, got, want)
		}
	}
}
