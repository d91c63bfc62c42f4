package httpapi

import (
	"context"

	api "github.com/acme/lending/gen/api"
	"github.com/acme/lending/internal/apperr"
)

// Operations of the contract whose capability has not landed yet answer 501.

func (s *Server) ListJobs(_ context.Context, _ api.ListJobsRequestObject) (api.ListJobsResponseObject, error) {
	return nil, apperr.NotImplemented("ListJobs")
}

func (s *Server) GetAdminStats(_ context.Context, _ api.GetAdminStatsRequestObject) (api.GetAdminStatsResponseObject, error) {
	return nil, apperr.NotImplemented("GetAdminStats")
}

func (s *Server) ListLoans(_ context.Context, _ api.ListLoansRequestObject) (api.ListLoansResponseObject, error) {
	return nil, apperr.NotImplemented("ListLoans")
}

func (s *Server) ApplyLoan(_ context.Context, _ api.ApplyLoanRequestObject) (api.ApplyLoanResponseObject, error) {
	return nil, apperr.NotImplemented("ApplyLoan")
}

func (s *Server) QuoteLoan(_ context.Context, _ api.QuoteLoanRequestObject) (api.QuoteLoanResponseObject, error) {
	return nil, apperr.NotImplemented("QuoteLoan")
}

func (s *Server) CancelLoan(_ context.Context, _ api.CancelLoanRequestObject) (api.CancelLoanResponseObject, error) {
	return nil, apperr.NotImplemented("CancelLoan")
}

func (s *Server) GetLoan(_ context.Context, _ api.GetLoanRequestObject) (api.GetLoanResponseObject, error) {
	return nil, apperr.NotImplemented("GetLoan")
}

func (s *Server) UpdateLoan(_ context.Context, _ api.UpdateLoanRequestObject) (api.UpdateLoanResponseObject, error) {
	return nil, apperr.NotImplemented("UpdateLoan")
}

func (s *Server) DecideLoan(_ context.Context, _ api.DecideLoanRequestObject) (api.DecideLoanResponseObject, error) {
	return nil, apperr.NotImplemented("DecideLoan")
}

func (s *Server) GetLoanContract(_ context.Context, _ api.GetLoanContractRequestObject) (api.GetLoanContractResponseObject, error) {
	return nil, apperr.NotImplemented("GetLoanContract")
}

func (s *Server) DisburseLoan(_ context.Context, _ api.DisburseLoanRequestObject) (api.DisburseLoanResponseObject, error) {
	return nil, apperr.NotImplemented("DisburseLoan")
}

func (s *Server) ListLoanEvents(_ context.Context, _ api.ListLoanEventsRequestObject) (api.ListLoanEventsResponseObject, error) {
	return nil, apperr.NotImplemented("ListLoanEvents")
}

func (s *Server) GetLoanPayoff(_ context.Context, _ api.GetLoanPayoffRequestObject) (api.GetLoanPayoffResponseObject, error) {
	return nil, apperr.NotImplemented("GetLoanPayoff")
}

func (s *Server) GetLoanSchedule(_ context.Context, _ api.GetLoanScheduleRequestObject) (api.GetLoanScheduleResponseObject, error) {
	return nil, apperr.NotImplemented("GetLoanSchedule")
}

func (s *Server) ListNotifications(_ context.Context, _ api.ListNotificationsRequestObject) (api.ListNotificationsResponseObject, error) {
	return nil, apperr.NotImplemented("ListNotifications")
}

func (s *Server) MarkNotificationRead(_ context.Context, _ api.MarkNotificationReadRequestObject) (api.MarkNotificationReadResponseObject, error) {
	return nil, apperr.NotImplemented("MarkNotificationRead")
}

func (s *Server) ListTransactions(_ context.Context, _ api.ListTransactionsRequestObject) (api.ListTransactionsResponseObject, error) {
	return nil, apperr.NotImplemented("ListTransactions")
}

func (s *Server) Deposit(_ context.Context, _ api.DepositRequestObject) (api.DepositResponseObject, error) {
	return nil, apperr.NotImplemented("Deposit")
}

func (s *Server) Repay(_ context.Context, _ api.RepayRequestObject) (api.RepayResponseObject, error) {
	return nil, apperr.NotImplemented("Repay")
}

func (s *Server) GetWallet(_ context.Context, _ api.GetWalletRequestObject) (api.GetWalletResponseObject, error) {
	return nil, apperr.NotImplemented("GetWallet")
}

func (s *Server) ListWithdrawals(_ context.Context, _ api.ListWithdrawalsRequestObject) (api.ListWithdrawalsResponseObject, error) {
	return nil, apperr.NotImplemented("ListWithdrawals")
}

func (s *Server) RequestWithdrawal(_ context.Context, _ api.RequestWithdrawalRequestObject) (api.RequestWithdrawalResponseObject, error) {
	return nil, apperr.NotImplemented("RequestWithdrawal")
}

func (s *Server) GetWithdrawal(_ context.Context, _ api.GetWithdrawalRequestObject) (api.GetWithdrawalResponseObject, error) {
	return nil, apperr.NotImplemented("GetWithdrawal")
}

func (s *Server) CancelWithdrawal(_ context.Context, _ api.CancelWithdrawalRequestObject) (api.CancelWithdrawalResponseObject, error) {
	return nil, apperr.NotImplemented("CancelWithdrawal")
}

func (s *Server) ProcessWithdrawal(_ context.Context, _ api.ProcessWithdrawalRequestObject) (api.ProcessWithdrawalResponseObject, error) {
	return nil, apperr.NotImplemented("ProcessWithdrawal")
}

func (s *Server) OpenWebSocket(_ context.Context, _ api.OpenWebSocketRequestObject) (api.OpenWebSocketResponseObject, error) {
	return nil, apperr.NotImplemented("OpenWebSocket")
}
