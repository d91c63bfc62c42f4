package jobs

import (
	"bufio"
	"context"
	"net"
	"strings"
	"testing"
	"time"
)

// smtpSink is the server side of one SMTP conversation over a real socket:
// enough of RFC 5321 for net/smtp to deliver one message, which it records.
func smtpSink(t *testing.T) (addr string, got <-chan string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ln.Close() })
	out := make(chan string, 1)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		defer func() { _ = conn.Close() }()
		_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
		r := bufio.NewReader(conn)
		reply := func(s string) { _, _ = conn.Write([]byte(s + "\r\n")) }
		var transcript strings.Builder
		reply("220 sink ready")
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			transcript.WriteString(line)
			switch cmd := strings.ToUpper(strings.TrimSpace(line)); {
			case strings.HasPrefix(cmd, "EHLO"), strings.HasPrefix(cmd, "HELO"):
				reply("250 sink")
			case strings.HasPrefix(cmd, "DATA"):
				reply("354 go ahead")
				for {
					l, err := r.ReadString('\n')
					if err != nil {
						return
					}
					if l == ".\r\n" {
						break
					}
					transcript.WriteString(l)
				}
				reply("250 queued")
			case strings.HasPrefix(cmd, "QUIT"):
				reply("221 bye")
				out <- transcript.String()
				return
			default: // MAIL FROM, RCPT TO, RSET, NOOP
				reply("250 ok")
			}
		}
	}()
	return ln.Addr().String(), out
}

func TestSMTPSenderDeliversOverSMTP(t *testing.T) {
	addr, got := smtpSink(t)
	s := SMTPSender{Addr: addr, From: "noreply@lending.example"}
	if err := s.Send(context.Background(), "ada@example.com", "Loan approved\r\nBcc: x@evil.example", "Hello Ada,\n\n.\nYour loan is approved."); err != nil {
		t.Fatal(err)
	}
	var transcript string
	select {
	case transcript = <-got:
	case <-time.After(10 * time.Second):
		t.Fatal("no SMTP conversation finished")
	}
	for _, want := range []string{
		"MAIL FROM:<noreply@lending.example>",
		"RCPT TO:<ada@example.com>",
		"To: ada@example.com",
		"Subject: Loan approved Bcc: x@evil.example", // a line break in a subject cannot add a header
		"..\r\n", // a lone dot in the body is escaped, not the end of the message
		"Your loan is approved.",
	} {
		if !strings.Contains(transcript, want) {
			t.Errorf("transcript lacks %q:\n%s", want, transcript)
		}
	}
	if strings.Contains(transcript, "\r\nBcc:") {
		t.Errorf("the subject injected a header:\n%s", transcript)
	}
}
