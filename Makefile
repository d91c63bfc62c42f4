# The lending platform. `make run` and `make test` are the two commands a newcomer needs.
SHELL := /bin/bash
GO_TOOL := go tool -modfile=tools/go.mod
BIN := bin/lendingd
# Explicit roots: ./... would also walk the web apps' node_modules.
GO_PKGS := ./api/... ./cmd/... ./db/... ./gen/... ./internal/...
NPM_CI := npm ci --no-audit --no-fund --loglevel=error

.PHONY: all build run test test-go test-web generate check-generated lint migration web assets tools-npm bench bench-scale fuzz clean

all: build

## tools-npm: install the pinned Node code generators (openapi-typescript, redocly)
tools-npm:
	@test -d tools/node_modules || (cd tools && $(NPM_CI))

## generate: rebuild everything in gen/ from api/openapi.yaml and db/
generate: tools-npm
	$(GO_TOOL) oapi-codegen -config api/oapi-server.yaml api/openapi.yaml
	$(GO_TOOL) oapi-codegen -config api/oapi-client.yaml api/openapi.yaml
	$(GO_TOOL) sqlc generate
	tools/node_modules/.bin/openapi-typescript api/openapi.yaml -o gen/ts/schema.d.ts >/dev/null
	tools/node_modules/.bin/redocly lint api/openapi.yaml --format=summary >/dev/null

## check-generated: fail when gen/ is stale
check-generated: generate
	@git diff --exit-code --stat -- gen/ || (echo "gen/ is stale: run make generate and commit" && exit 1)
	@test -z "$$(git status --porcelain -- gen/)" || (git status --porcelain -- gen/; echo "gen/ has untracked changes: run make generate and commit" && exit 1)

STATIC := internal/web/static

## assets: bundle Swagger UI into the binary's static files (skipped without Node)
assets:
	@if command -v npm >/dev/null; then \
		$(MAKE) --no-print-directory tools-npm && mkdir -p $(STATIC)/docs/swagger-ui && \
		cp tools/node_modules/swagger-ui-dist/{swagger-ui.css,swagger-ui-bundle.js} $(STATIC)/docs/swagger-ui/; \
	else echo "npm not found: /docs will lack Swagger UI assets"; fi

## web: build both web apps and copy them into the binary's static files (skipped without Node)
web: assets
	@if command -v npm >/dev/null; then \
		for app in user admin; do \
			if [ -f frontend-$$app/package.json ]; then \
				(cd frontend-$$app && { test -d node_modules || $(NPM_CI); } && npm run build --silent) || exit 1; \
				rm -rf $(STATIC)/$$app && cp -r frontend-$$app/dist $(STATIC)/$$app; \
			fi; \
		done; \
	else echo "npm not found: serving placeholder pages"; fi

## build: the one binary, bin/lendingd
build: web
	go build -ldflags "-X main.version=$$(git describe --always --dirty 2>/dev/null || echo dev)" -o $(BIN) ./cmd/lendingd

## run: start everything (a private PostgreSQL under ./.data unless DATABASE_URL is set)
run: build
	$(BIN) serve

## test: every test (Go unit + integration against real PostgreSQL, web unit and browser tests)
test: test-go test-web

test-go: assets
	go vet $(GO_PKGS)
	go test -race -count=1 -timeout 20m $(GO_PKGS)

test-web: build
	@for app in frontend-user frontend-admin; do \
		if [ -f $$app/package.json ]; then \
			(cd $$app && npm test --silent) || exit 1; \
		fi; \
	done

## fuzz: run each fuzz target briefly
# A count (N x), not a duration: Go 1.26's fuzz coordinator can report a
# spurious "context deadline exceeded" when a -fuzztime duration ends
# (go.dev/issue/75804, fixed in Go 1.27); a count has no wall-clock deadline.
FUZZ_EXECS ?= 20000x
fuzz:
	go test -run='^$$' -fuzz=FuzzCompute -fuzztime=$(FUZZ_EXECS) ./internal/amortization
	go test -run='^$$' -fuzz=FuzzAllocate -fuzztime=$(FUZZ_EXECS) ./internal/amortization
	go test -run='^$$' -fuzz=FuzzMoneyDecode -fuzztime=$(FUZZ_EXECS) ./internal/httpapi

## lint: golangci-lint, ESLint and tsc
lint:
	golangci-lint run $(GO_PKGS)
	@for app in frontend-user frontend-admin; do \
		if [ -f $$app/package.json ]; then (cd $$app && npm run lint --silent && npm run typecheck --silent) || exit 1; fi; \
	done

## migration: create the next numbered migration, e.g. make migration NAME=add_x
migration:
	@test -n "$(NAME)" || (echo "usage: make migration NAME=add_x" && exit 1)
	@n=$$(ls db/migrations | grep -E '^[0-9]{5}_' | sort | tail -1 | cut -c1-5); \
	next=$$(printf "%05d" $$((10#$${n:-0} + 1))); \
	f=db/migrations/$${next}_$(NAME).sql; \
	printf -- "-- +goose Up\n\n-- +goose Down\n" > $$f; echo "created $$f"

## bench: load benchmark against a private PostgreSQL and the real server (10,000 loans, ~2 min)
bench: build
	go run ./cmd/lendingbench -bin $(BIN)

## bench-scale: the same at 100,000 users and 1,000,000 loans (~6 min)
bench-scale: build
	go run ./cmd/lendingbench -bin $(BIN) -loans 1000000

clean:
	rm -rf bin
