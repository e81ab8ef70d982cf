# Industry Targets Dashboard: `make run` and `make test` work on a fresh
# machine; both find or start PostgreSQL (DATABASE_URL / TEST_DATABASE_URL,
# else 127.0.0.1:5432, else a private cluster in .pgdata).

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
GO ?= go
export GOFLAGS ?= -buildvcs=false
BIN := bin/industrytargets
ADDR ?= :8080
# A private cluster for `make run` lives here (git-ignored).
PGDEV := $(GO) run ./cmd/pgdev -dir .pgdata

.PHONY: run build test bench interop fmt-check vet generate check-generated db-stop clean

## run: migrate, seed reference data, seed the demo into an empty database, create the first admin, serve on ADDR
run: build
	@url=$$($(PGDEV) -db industrytargets url); \
	export DATABASE_URL="$$url" SECURE_COOKIES=false; \
	$(BIN) migrate up; \
	$(BIN) seed --demo-if-empty; \
	$(BIN) user init-admin; \
	echo "Open http://localhost$(ADDR) and sign in (Ctrl-C stops the server)"; \
	exec $(BIN) serve --addr "$(ADDR)"

build:
	$(GO) build -o $(BIN) ./cmd/industrytargets

## test: formatting, vet, generated views up to date, then every test with -race
test: fmt-check vet check-generated
	@url=$$($(PGDEV) -env-var TEST_DATABASE_URL url); \
	echo "tests use PostgreSQL at $${url%%\?*}"; \
	TEST_DATABASE_URL="$$url" REQUIRE_BROWSER=1 $(GO) test -race -count=1 -timeout 15m ./...

## interop: the register's exports opened and saved by LibreOffice Calc (Vietnamese and English locales) import back unchanged; needs soffice (apt-get install libreoffice-calc-nogui)
interop:
	@url=$$($(PGDEV) -env-var TEST_DATABASE_URL url); \
	TEST_DATABASE_URL="$$url" $(GO) test -tags interop -count=1 -run TestLibreOfficeRoundTrip -v -timeout 20m ./cmd/industrytargets

## bench: Go benchmarks of the counting engine, its queries and the charts at national scale, then the real server under load, ending with the SUMMARY line
bench: build
	@url=$$($(PGDEV) -env-var TEST_DATABASE_URL url); \
	TEST_DATABASE_URL="$$url" $(GO) test -run '^$$' -bench . -benchmem -count 1 -timeout 30m \
		./internal/bench ./internal/store ./web/chart
	$(GO) run ./cmd/bench -bin $(BIN)

fmt-check:
	@out=$$(gofmt -l cmd internal web migrations); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

generate:
	$(GO) tool templ generate

## check-generated: fail when `go tool templ generate` would change a committed *_templ.go
check-generated:
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	for f in $$(find web internal -name '*.templ'); do \
		mkdir -p "$$tmp/$$(dirname $$f)"; cp "$$f" "$$tmp/$$f"; \
	done; \
	$(GO) tool templ generate -path "$$tmp" >/dev/null 2>&1; \
	stale=0; \
	for f in $$(cd "$$tmp" && find . -name '*_templ.go'); do \
		cmp -s "$$tmp/$$f" "$$f" || { echo "stale generated view: $$f (run 'make generate' and commit)"; stale=1; }; \
	done; \
	exit $$stale

## db-stop: stop the private PostgreSQL cluster in .pgdata, if one runs
db-stop:
	$(PGDEV) stop

clean:
	rm -rf bin
