import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command


def run_with(env, code="import django; django.setup()"):
    return subprocess.run(  # noqa: S603 (the test's own code)
        [sys.executable, "-c", code],
        env={"PATH": os.environ.get("PATH", ""), "DJANGO_SETTINGS_MODULE": "config.settings.prod", **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    """The production settings stop at once, naming the missing variable."""
    result = run_with({"ALLOWED_HOSTS": "carnet.example"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    """Same for ALLOWED_HOSTS."""
    result = run_with({"SECRET_KEY": "x" * 50})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_starts_when_both_are_set():
    """With both variables, production settings load."""
    result = run_with({"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "carnet.example"})
    assert result.returncode == 0, result.stderr


def test_default_database_is_sqlite_in_wal_mode_with_immediate_transactions(db):
    """Without DATABASE_URL Carnet runs on SQLite, WAL journal, IMMEDIATE transactions."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        journal = cursor.fetchone()[0]
    assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    # The test database lives in memory, where SQLite reports "memory"; files get WAL.
    assert journal in {"wal", "memory"}


OPEN_CONFIGURED_CONNECTION = """
import sqlite3, django
django.setup()
from django.db import connection, transaction
with connection.cursor() as cursor:
    for pragma in ("journal_mode", "busy_timeout", "synchronous", "foreign_keys"):
        cursor.execute(f"PRAGMA {pragma}")
        print(pragma, cursor.fetchone()[0])
with transaction.atomic():
    connection.cursor()  # BEGIN only: no statement has touched the file yet
    other = sqlite3.connect(connection.settings_dict["NAME"], timeout=0)
    try:
        other.execute("BEGIN IMMEDIATE")
        print("write lock taken at BEGIN", False)
    except sqlite3.OperationalError:
        print("write lock taken at BEGIN", True)
"""


def test_sqlite_from_database_url_gets_the_default_sqlite_settings(tmp_path):
    """DATABASE_URL=sqlite:///… opens SQLite in WAL mode, busy timeout, foreign keys, IMMEDIATE transactions."""
    database_url = f"sqlite:///{tmp_path / 'carnet.sqlite3'}"
    env = {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "carnet.example", "DATABASE_URL": database_url}
    result = run_with(env, OPEN_CONFIGURED_CONNECTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "journal_mode wal",
        "busy_timeout 20000",
        "synchronous 1",
        "foreign_keys 1",
        "write lock taken at BEGIN True",
    ]


def test_sqlite_options_are_the_same_with_or_without_database_url():
    """One SQLite configuration: the default file and a DATABASE_URL get the same options."""
    from config.settings.base import database

    assert database("sqlite:////srv/carnet/db.sqlite3")["OPTIONS"] == database(None)["OPTIONS"]


@pytest.mark.django_db
def test_the_checks_against_the_database_are_silent():
    """What `migrate` and `runserver` check against the configured database warns of nothing."""
    call_command("check", "--database", "default", "--fail-level", "WARNING")


def test_the_wsgi_application_keeps_what_loading_made_out_of_garbage_collection():
    """gunicorn's workers load config.wsgi: the objects made while loading the site (the bulk of a worker's) are no
    longer walked by each of the garbage collector's full rounds."""
    code = "import gc, config.wsgi; print(gc.get_freeze_count() > 10_000)"
    result = run_with({"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "carnet.example"}, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"
