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
