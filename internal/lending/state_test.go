package lending

import "testing"

func TestStateMachine(t *testing.T) {
	all := []string{StatusSubmitted, StatusApproved, StatusRejected, StatusCancelled, StatusDisbursed, StatusRepaid}
	allowed := map[[2]string]bool{
		{StatusSubmitted, StatusApproved}: true, {StatusSubmitted, StatusRejected}: true,
		{StatusSubmitted, StatusCancelled}: true, {StatusApproved, StatusDisbursed}: true,
		{StatusApproved, StatusCancelled}: true, {StatusDisbursed, StatusRepaid}: true,
	}
	for _, from := range all {
		for _, to := range all {
			if got := CanTransition(from, to); got != allowed[[2]string{from, to}] {
				t.Errorf("%s -> %s: got %v", from, to, got)
			}
			if err := checkTransition(from, to); (err == nil) != allowed[[2]string{from, to}] {
				t.Errorf("%s -> %s: error %v", from, to, err)
			}
		}
	}
}
