PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run serve test install worker messages clean bench audit

# Debian's python3 lacks ensurepip without python3-venv: fall back to a pip fetched from PyPI.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV) && $(PYTHON) -m venv --without-pip $(VENV) \
		&& $(BIN)/python scripts/bootstrap_pip.py; }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

PORT ?= 8000
# Links in feeds, e-mails and canonical tags follow the port; DEBUG off shows the designed error pages.
RUN_ENV := SITE_URL=http://127.0.0.1:$(PORT) DEBUG=$(or $(DEBUG),0)

## make run [PORT=8000] [DEBUG=1]: set up everything and serve the site on http://127.0.0.1:$(PORT)/
run: install
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput
	$(RUN_ENV) $(BIN)/python manage.py seed_demo
	$(RUN_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(RUN_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# axe-core for the accessibility checks of the browser tests (Lighthouse only for make audit).
node_modules/axe-core/axe.min.js: package.json
	npm install --omit=dev --no-audit --no-fund --loglevel=error
	touch $@

## make serve: the production stack on http://127.0.0.1:$(PORT)/ (gunicorn and a task worker,
## production settings over plain HTTP, a local secret key kept in .secret-key)
SERVE_ENV = DJANGO_SETTINGS_MODULE=config.settings.prod SECRET_KEY="$$(cat .secret-key)" \
	ALLOWED_HOSTS=localhost,127.0.0.1 SITE_URL=http://127.0.0.1:$(PORT) HTTPS=0
serve: install
	test -s .secret-key || $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > .secret-key
	$(SERVE_ENV) $(BIN)/python manage.py migrate --noinput
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(SERVE_ENV) $(BIN)/python manage.py check --deploy
	trap 'kill 0' EXIT; $(SERVE_ENV) $(BIN)/python manage.py db_worker & \
	$(SERVE_ENV) $(BIN)/gunicorn config.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --access-logfile -

## make test: lint, migration check and the whole test suite
test: install node_modules/axe-core/axe.min.js
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest

## make worker: run queued background tasks (production: TASKS_BACKEND=django_tasks_db.DatabaseBackend)
worker: install
	$(BIN)/python manage.py db_worker

## make bench: a generated corpus served by gunicorn, each page loaded with wrk, cache off and on (needs wrk)
##   BENCH_ARGS="--port 8765 --duration 10 --cache both --fresh"; BENCH_DATABASE_URL=postgres://… for PostgreSQL
bench: install
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py bench --settings=config.settings.bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) staticfiles

## make messages: refresh the .po files and compile them (needs gettext)
messages: install
	$(BIN)/python manage.py makemessages -l fr -l en --no-location --no-obsolete
	$(BIN)/python manage.py compilemessages --ignore ".venv/*"

## make audit [PORT=8000]: Lighthouse (mobile) scores and page weight of the reader's pages; not in CI
audit: install
	npm install --no-audit --no-fund --loglevel=error
	$(BIN)/python scripts/audit.py --port $(PORT)
