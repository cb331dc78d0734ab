PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install worker messages clean bench

# Debian's python3 lacks ensurepip without python3-venv: fall back to a pip fetched from PyPI.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV) && $(PYTHON) -m venv --without-pip $(VENV) \
		&& $(BIN)/python scripts/bootstrap_pip.py; }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

## make run: set up everything and serve the site on http://127.0.0.1:8000/
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

## make test: lint, migration check and the whole test suite
test: install
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
