import os
import subprocess
import sys

from django.conf import settings


def run_with(env):
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
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
