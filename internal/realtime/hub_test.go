package realtime

import (
	"io"
	"log/slog"
	"testing"

	"github.com/google/uuid"
)

func TestSlowClientIsDroppedNotWaitedFor(t *testing.T) {
	h := NewHub(nil, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	slow := &client{userID: uuid.New(), send: make(chan []byte, SendBuffer), closed: make(chan string, 1)}
	fast := &client{userID: slow.userID, send: make(chan []byte, SendBuffer*2), closed: make(chan string, 1)}
	h.add(slow)
	h.add(fast)
	for i := 0; i < SendBuffer+1; i++ {
		h.deliver(slow.userID, []byte("x")) // never blocks, even though nobody reads
	}
	select {
	case reason := <-slow.closed:
		if reason != reasonBehind || closeCodes[reason] != 1013 {
			t.Fatalf("reason %q code %d", reason, closeCodes[reason])
		}
	default:
		t.Fatal("slow client was not dropped")
	}
	select {
	case <-fast.closed:
		t.Fatal("a client with room was dropped")
	default:
	}
	if len(fast.send) != SendBuffer+1 {
		t.Fatalf("fast client got %d messages", len(fast.send))
	}
	if h.Connected() != 2 {
		t.Fatalf("connected %d", h.Connected())
	}
}
