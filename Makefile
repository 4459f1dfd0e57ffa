# The two commands a new user needs are `make dev` and `make test`; each sets up what it needs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# checkov has a virtualenv of its own: its pins clash with the project's (constraints-checkov.txt).
CHECKOV_VENV := .venv-tools/checkov
CHECKOV_STAMP := $(CHECKOV_VENV)/.installed
TERRAFORM ?= terraform

.PHONY: help setup dev test lint typecheck unit bench load fmt clean redis-server-installed \
	emulators-installed infra-check terraform-installed bundles chromium-installed screenshots

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

$(CHECKOV_STAMP): constraints-checkov.txt
	$(PYTHON) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/pip install --quiet --upgrade pip
	$(CHECKOV_VENV)/bin/pip install --quiet -r constraints-checkov.txt
	touch $@

setup: $(STAMP) $(CHECKOV_STAMP) ## Create .venv (and checkov's own venv) with the pinned dependencies

# Ports, the state file and the key are set with ION_DEV_PORT_OFFSET, ION_DEV_STATE_FILE and
# ION_DEV_API_KEY (scripts/devstack.py documents them); the e2e test runs this same command.
dev: $(STAMP) redis-server-installed emulators-installed ## Run the whole stack on loopback until Ctrl-C (emulators, Redis, all functions)
	$(BIN)/python scripts/devstack.py $(if $(FRESH),--fresh)

lint: $(STAMP) ## ruff lint + format check, and core's layers (import-linter, .importlinter)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

typecheck: $(STAMP) ## mypy, strict on core, devtools and the scripts (devstack, bundles, load, bench)
	$(BIN)/mypy

# The integration tests start their own redis-server on a free loopback port (devtools/redis_server.py),
# so only the binary is needed: no service is started here and nothing relies on one.
redis-server-installed: ## Install Debian's redis-server if it is not on PATH (tests need a real one)
	@scripts/ensure_packages.sh "the Redis integration tests need a real redis-server on PATH" \
		redis-server:redis-server

# The browser test (tests/e2e/test_browser.py) drives Debian's chromium through its matching
# chromedriver; a browser build cannot be downloaded here. The CJK fonts render the Korean.
chromium-installed: ## Install Debian's chromium, chromium-driver and fonts-noto-cjk if missing
	@scripts/ensure_packages.sh "the browser test drives the system chromium" \
		chromium:chromium chromium-driver:chromedriver fonts-noto-cjk

# The Firestore and Pub/Sub emulators are Java servers that gcloud starts (devtools/emulators.py);
# the integration, function and e2e tests and make dev need them, and a missing one is a test
# error, never a skip. Unlike redis-server they are only checked, not installed: the Google
# Cloud CLI comes from Google's own apt repository, which the machines of this project already
# have set up. `gcloud components list` also sees components installed as Debian packages, and
# answers in about half a second. `beta` is there because the Pub/Sub emulator is a beta command.
emulators-installed: ## Check gcloud, its Firestore and Pub/Sub emulators and Java are installed
	@missing=(); \
	if ! command -v gcloud >/dev/null 2>&1; then \
		missing+=("gcloud, the Google Cloud CLI (Debian package google-cloud-cli)"); \
	else \
		installed=$$(CLOUDSDK_CORE_DISABLE_PROMPTS=1 gcloud components list \
			--only-local-state --format='value(id)' 2>/dev/null) || \
		{ echo "make: 'gcloud components list' failed; is the Google Cloud CLI broken?" >&2; \
		  exit 1; }; \
		for need in \
			"cloud-firestore-emulator|the Firestore emulator (google-cloud-cli-firestore-emulator)" \
			"pubsub-emulator|the Pub/Sub emulator (google-cloud-cli-pubsub-emulator)" \
			"beta|gcloud beta commands (google-cloud-cli)"; do \
			grep -qx -- "$${need%%|*}" <<<"$$installed" || \
				missing+=("$${need#*|}, gcloud component $${need%%|*}"); \
		done; \
	fi; \
	command -v java >/dev/null 2>&1 || \
		missing+=("java, which runs both emulators (Debian: default-jre-headless)"); \
	if [ $${#missing[@]} -gt 0 ]; then \
		echo "make: the tests need the Firestore and Pub/Sub emulators; missing:" >&2; \
		printf '  - %s\n' "$${missing[@]}" >&2; \
		exit 1; \
	fi

# Terraform itself is only checked, like the emulators: HashiCorp's releases are not in Debian.
# Only `terraform fmt` runs here (no provider is downloaded); Cloud Build copies the binary from
# the hashicorp/terraform image.
terraform-installed: ## Check terraform (>= 1.5, for fmt) is on PATH
	@command -v $(TERRAFORM) >/dev/null 2>&1 || \
	{ echo "make: terraform is not on PATH; the infrastructure checks need it for" \
		"'terraform fmt' (any 1.x >= 1.5; set TERRAFORM=/path/to/terraform)" >&2; exit 1; }; \
	version=$$($(TERRAFORM) version -json 2>/dev/null | sed -n 's/.*"terraform_version": *"\([0-9.]*\)".*/\1/p'); \
	case "$$version" in 1.[5-9].*|1.[1-9][0-9].*) ;; \
	*) echo "make: terraform $$version is too old; the infrastructure needs >= 1.5" >&2; exit 1;; esac

# The HCL structure, checkov and the bundles are checked by pytest (tests/infra); this is the
# part pytest cannot do without Terraform.
infra-check: $(STAMP) $(CHECKOV_STAMP) terraform-installed ## terraform fmt -check over infra/terraform
	$(TERRAFORM) fmt -check -recursive -diff infra/terraform

bundles: $(STAMP) ## Build each function's deployable folder and content-hashed zip in build/bundles
	$(BIN)/python scripts/build_bundles.py

test: lint typecheck infra-check redis-server-installed emulators-installed chromium-installed ## Set up and run the whole test suite (lint, types, infra, tests)
	@# A fixed hash seed: schemathesis draws its fuzzing cases in set order, and the same cases
	@# every run make docs/reliability.md (rewritten by the suite) the same when nothing changed.
	PYTHONHASHSEED=0 $(BIN)/pytest

# The README's two screenshots (the console with an answer, and /v2/docs after a call), taken by
# the browser test against a stack of its own.
screenshots: $(STAMP) redis-server-installed emulators-installed chromium-installed ## Refresh docs/screenshots/ with the browser test
	ION_SCREENSHOT_DIR=docs/screenshots $(BIN)/pytest -q tests/e2e/test_browser.py

bench: $(STAMP) redis-server-installed emulators-installed ## Benchmarks (core, cache, HTTP, cold start, bulk) and the report in benchmarks/results/
	@# Every benchmark runs and reports; the target fails if any missed its floor.
	$(BIN)/python scripts/bench_report.py

SCENARIO ?= light
DURATION ?= 60
load: $(STAMP) ## Locust SCENARIO=light|medium|heavy|stress for DURATION seconds against make dev, then the SLO gate
	$(BIN)/python scripts/load.py --scenario $(SCENARIO) --seconds $(DURATION)

fmt: $(STAMP) ## Apply ruff format and autofixes
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean: ## Remove the virtualenv and caches
	rm -rf $(VENV) .venv-tools .pytest_cache .mypy_cache .ruff_cache build *.egg-info
