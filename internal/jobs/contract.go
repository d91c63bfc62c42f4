package jobs

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"

	dbgen "github.com/acme/lending/gen/db"
	"github.com/acme/lending/internal/amortization"
	"github.com/acme/lending/internal/ledger"
)

// ContractArgs renders the contract of an approved loan.
type ContractArgs struct {
	LoanID uuid.UUID `json:"loan_id"`
}

// Kind names the job.
func (ContractArgs) Kind() string { return "loan_contract" }

// InsertOpts: one pending contract job per loan.
func (ContractArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// ContractWorker renders and stores the PDF; storing is an upsert, so a
// second run replaces the document with an identical one.
type ContractWorker struct {
	river.WorkerDefaults[ContractArgs]
	pool     *pgxpool.Pool
	currency string
}

// Work renders the contract.
func (w *ContractWorker) Work(ctx context.Context, job *river.Job[ContractArgs]) error {
	q := dbgen.New(w.pool)
	loan, err := q.ContractLoanGet(ctx, job.Args.LoanID)
	if err != nil {
		return err
	}
	pdf, err := RenderContract(loan, w.currency)
	if err != nil {
		return err
	}
	return q.LoanContractPut(ctx, dbgen.LoanContractPutParams{LoanID: loan.ID, Pdf: pdf})
}

// RenderContract lays out the loan agreement with its full schedule.
func RenderContract(l dbgen.ContractLoanGetRow, currency string) ([]byte, error) {
	plan, err := amortization.Compute(l.Amount, l.AnnualRateBps, int(l.TermMonths), time.Time{})
	if err != nil {
		return nil, err
	}
	money := func(v int64) string { return ledger.FormatMinor(v) + " " + currency }
	doc := fpdf.New("P", "mm", "A4", "")
	// Uncompressed: a few KB more, but the figures stay searchable and checkable.
	doc.SetCompression(false)
	doc.SetTitle("Loan agreement "+l.Number, true)
	doc.SetAuthor("Lending platform", true)
	doc.SetCreationDate(timeOr(l.DecidedAt, l.CreatedAt))
	doc.AddPage()
	doc.SetFont("Helvetica", "B", 18)
	doc.Cell(0, 10, "Loan agreement "+l.Number)
	doc.Ln(14)
	doc.SetFont("Helvetica", "", 11)
	rows := [][2]string{
		{"Borrower", l.BorrowerName + " <" + l.BorrowerEmail + ">"},
		{"Principal", money(l.Amount)},
		{"Annual interest rate", fmt.Sprintf("%d.%02d %%", l.AnnualRateBps/100, l.AnnualRateBps%100)},
		{"Term", fmt.Sprintf("%d months", l.TermMonths)},
		{"Monthly payment", money(plan.MonthlyPayment)},
		{"Total interest", money(plan.TotalInterest)},
		{"Total payable", money(plan.TotalPayable)},
		{"Purpose", l.Purpose},
		{"Approved", timeOr(l.DecidedAt, l.CreatedAt).UTC().Format("2 January 2006")},
	}
	for _, r := range rows {
		doc.SetFont("Helvetica", "B", 11)
		doc.CellFormat(55, 7, r[0], "", 0, "L", false, 0, "")
		doc.SetFont("Helvetica", "", 11)
		doc.CellFormat(0, 7, doc.UnicodeTranslatorFromDescriptor("")(r[1]), "", 1, "L", false, 0, "")
	}
	doc.Ln(4)
	doc.MultiCell(0, 5, "Installment k is due k calendar months after disbursement. Payments are applied to the oldest "+
		"unpaid installment first, interest before principal. The loan may be repaid early at any time; interest "+
		"not yet due is then waived.", "", "L", false)
	doc.Ln(4)
	doc.SetFont("Helvetica", "B", 10)
	for i, h := range []string{"#", "Payment", "Principal", "Interest", "Balance"} {
		doc.CellFormat([]float64{12, 42, 42, 42, 42}[i], 7, h, "B", 0, "R", false, 0, "")
	}
	doc.Ln(-1)
	doc.SetFont("Helvetica", "", 10)
	for _, in := range plan.Installments {
		cells := []string{fmt.Sprint(in.Number), ledger.FormatMinor(in.Payment), ledger.FormatMinor(in.Principal),
			ledger.FormatMinor(in.Interest), ledger.FormatMinor(in.BalanceAfter)}
		for i, c := range cells {
			doc.CellFormat([]float64{12, 42, 42, 42, 42}[i], 6, c, "", 0, "R", false, 0, "")
		}
		doc.Ln(-1)
	}
	var buf bytes.Buffer
	if err := doc.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func timeOr(t *time.Time, def time.Time) time.Time {
	if t != nil {
		return *t
	}
	return def
}
