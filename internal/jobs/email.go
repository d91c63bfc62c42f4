package jobs

import (
	"context"
	"fmt"
	"log/slog"
	"net/smtp"
	"strings"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"

	dbgen "github.com/acme/lending/gen/db"
	"github.com/acme/lending/internal/database"
)

// Sender delivers one e-mail.
type Sender interface {
	Send(ctx context.Context, to, subject, body string) error
}

// LogSender writes e-mails to the log: the default when no SMTP server is configured.
type LogSender struct{ Log *slog.Logger }

// Send logs the message.
func (s LogSender) Send(ctx context.Context, to, subject, _ string) error {
	s.Log.InfoContext(ctx, "e-mail (log sender)", "to", to, "subject", subject)
	return nil
}

// SMTPSender sends through an SMTP server (SMTP_ADDR, SMTP_FROM, optional SMTP_USER/SMTP_PASSWORD).
type SMTPSender struct {
	Addr, From, User, Password string
}

// Send delivers over SMTP (STARTTLS when the server offers it).
func (s SMTPSender) Send(_ context.Context, to, subject, body string) error {
	var a smtp.Auth
	if s.User != "" {
		host, _, _ := strings.Cut(s.Addr, ":")
		a = smtp.PlainAuth("", s.User, s.Password, host)
	}
	msg := fmt.Sprintf("From: %s\r\nTo: %s\r\nSubject: %s\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n",
		s.From, to, strings.NewReplacer("\r", "", "\n", " ").Replace(subject), body)
	return smtp.SendMail(s.Addr, a, s.From, []string{to}, []byte(msg))
}

// EmailArgs drains the e-mail outbox.
type EmailArgs struct{}

// Kind names the job.
func (EmailArgs) Kind() string { return "email_outbox" }

// EmailWorker e-mails notifications not yet e-mailed. Rows are claimed
// with SKIP LOCKED and marked in the same transaction, so two workers
// never send the same notification; a crash before commit re-sends at
// most the batch in flight (at-least-once, as SMTP itself is).
type EmailWorker struct {
	river.WorkerDefaults[EmailArgs]
	pool   *pgxpool.Pool
	sender Sender
}

// Work sends batches until the outbox is empty.
func (w *EmailWorker) Work(ctx context.Context, _ *river.Job[EmailArgs]) error {
	_, err := DrainOutbox(ctx, w.pool, w.sender)
	return err
}

// DrainOutbox sends every pending e-mail and returns how many it sent.
// A batch is claimed (locked) in a transaction and marked sent in one
// statement; when a send fails, what was sent before it is still marked,
// so a retry of the job resends only from the failure on.
func DrainOutbox(ctx context.Context, pool *pgxpool.Pool, sender Sender) (int, error) {
	total := 0
	for {
		var sent []uuid.UUID
		var sendErr error
		err := database.InTx(ctx, pool, func(tx pgx.Tx) error {
			sent, sendErr = nil, nil
			q := dbgen.New(tx)
			rows, err := q.EmailOutboxClaim(ctx, 50)
			if err != nil {
				return err
			}
			for _, r := range rows {
				body := "Hello " + r.FullName + ",\n\n" + r.Body + "\n"
				if err := sender.Send(ctx, r.Email, r.Title, body); err != nil {
					sendErr = fmt.Errorf("send to %s: %w", r.Email, err)
					break
				}
				sent = append(sent, r.ID)
			}
			if len(sent) == 0 {
				return nil
			}
			return q.EmailOutboxMarkSent(ctx, sent)
		})
		if err != nil {
			return total, err
		}
		total += len(sent)
		if sendErr != nil || len(sent) == 0 {
			return total, sendErr
		}
	}
}
