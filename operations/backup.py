"""Backups: the database (SQLite's online backup, or pg_dump) and every media file, with a manifest of checksums.

A backup is a folder `carnet-YYYYMMDD-HHMMSS/` holding `database.sqlite3` or `database.pgdump`,
`media/` (the files of the default storage, under their storage names) and `manifest.json`
(what was saved, each file's size and SHA-256, the row count of every table).
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.core.cache import cache
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import connection

from pagecache import version

MANIFEST = "manifest.json"
FORMAT = 1


class BackupError(Exception):
    pass


def create(directory):
    """Write a new backup folder inside `directory`; return its path."""
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
    target = Path(directory) / f"carnet-{stamp}"
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    database_file = dump_database(partial)
    media = [copy_out(name, partial / "media" / name) for name in storage_files()]
    manifest = {
        "format": FORMAT,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
        "database": {"vendor": connection.vendor, "file": database_file, **file_record(partial / database_file)},
        "tables": table_counts(),
        "media": media,
    }
    (partial / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    partial.rename(target)  # a folder without ".partial" is a complete backup
    return target


def verify(folder):
    """Check every file of a backup against its manifest; return the manifest, or raise BackupError."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder}: no readable {MANIFEST} ({error})") from error
    expected = [(manifest["database"]["file"], manifest["database"])]
    expected += [(f"media/{item['name']}", item) for item in manifest["media"]]
    for relative, record in expected:
        path = folder / relative
        if not path.is_file():
            raise BackupError(f"{relative} is missing")
        if file_record(path) != {"size": record["size"], "sha256": record["sha256"]}:
            raise BackupError(f"{relative} does not match its checksum")
    if manifest["database"]["vendor"] == "sqlite":
        check_sqlite(folder / manifest["database"]["file"])
    return manifest


def restore(folder):
    """Put the database and the media files of a verified backup in place of the current ones."""
    manifest = verify(folder)
    folder = Path(folder)
    if manifest["database"]["vendor"] != connection.vendor:
        raise BackupError(f"this backup holds a {manifest['database']['vendor']} database, not {connection.vendor}")
    before = version.number()
    restore_database(folder / manifest["database"]["file"])
    # Cached pages are keyed on a change counter kept in the database, which the backup took back to an
    # older value: none of them may outlive the database, and the counter goes on past the one replaced.
    cache.clear()
    version.move_past(before)
    for item in manifest["media"]:
        if default_storage.exists(item["name"]):
            default_storage.delete(item["name"])
        with open(folder / "media" / item["name"], "rb") as source:
            saved = default_storage.save(item["name"], File(source))
        if saved != item["name"]:
            raise BackupError(f"the storage saved {item['name']} as {saved}")
    return manifest


# The database


def dump_database(folder):
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        name = "database.sqlite3"
        copy = sqlite3.connect(folder / name)
        try:
            connection.connection.backup(copy)  # consistent while others read and write
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        finally:
            copy.close()
        return name
    if connection.vendor == "postgresql":
        name = "database.pgdump"
        run_pg("pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={folder / name}")
        return name
    raise BackupError(f"no backup for {connection.vendor} databases")


def restore_database(path):
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(path) as source:
            source.backup(connection.connection)
        return
    connection.close()  # pg_restore drops the tables: hold no lock on them
    run_pg("pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", str(path))


def run_pg(program, *arguments):
    """Run pg_dump or pg_restore (found on PATH, or in PG_BIN) against the configured database."""
    settings = connection.settings_dict
    executable = shutil.which(program, path=os.environ.get("PG_BIN") or None) or shutil.which(program)
    if executable is None:
        raise BackupError(f"{program} is not installed (apt-get install postgresql-client, or set PG_BIN)")
    env = {**os.environ, "PGPASSWORD": settings["PASSWORD"] or ""}
    target = ["--host", settings["HOST"] or "localhost", "--port", str(settings["PORT"] or 5432)]
    target += ["--username", settings["USER"] or "postgres", "--dbname", settings["NAME"]]
    result = subprocess.run([executable, *target, *arguments], env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{program} failed: {result.stderr.strip()}")


def check_sqlite(path):
    database = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        result = database.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        database.close()
    if result != "ok":
        raise BackupError(f"the database copy is damaged: {result}")


def table_counts():
    with connection.cursor() as cursor:
        counts = {}
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 (introspected names)
            counts[table] = cursor.fetchone()[0]
    return counts


# Media files


def storage_files(folder=""):
    """Every file name in the default storage, through the storage API (local disk or a bucket alike)."""
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [f"{folder}{name}" for name in files]
    for sub in folders:
        names += storage_files(f"{folder}{sub}/")
    return sorted(names)


def copy_out(name, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with default_storage.open(name, "rb") as source, open(path, "wb") as target:
        shutil.copyfileobj(source, target)
    return {"name": name, **file_record(path)}


def file_record(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return {"size": path.stat().st_size, "sha256": digest.hexdigest()}
