"""The archive file: a zip of open formats, a manifest naming its format version and every file's checksum.

The format is described for readers without Carnet in docs/archive-format.md.
"""

import contextlib
import datetime
import hashlib
import json
import os
import shutil
import tempfile
import zipfile

from django.utils.translation import gettext as _

from . import frontmatter

FORMAT = "carnet-archive"
VERSION = 1
MANIFEST = "manifest.json"
# Already compressed: stored as they are, which is faster and no bigger.
STORED_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp", "avif", "pdf", "zip", "mp3", "mp4"}


class ArchiveError(Exception):
    """The archive cannot be read: the message says why, in the active language."""


def when(moment):
    """A date and time as the archive writes it: ISO 8601 in UTC, or None."""
    if moment is None:
        return None
    return moment.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")


def parse_when(text):
    if text is None:
        return None
    if isinstance(text, datetime.datetime):
        return text
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


class Writer:
    """Writes the archive to a temporary file beside `path`, renamed into place only when complete."""

    def __init__(self, path):
        self.path = os.fspath(path)
        folder = os.path.dirname(os.path.abspath(self.path))
        handle, self.partial = tempfile.mkstemp(prefix=".carnet-archive-", suffix=".zip", dir=folder)
        os.close(handle)
        self.zip = zipfile.ZipFile(self.partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6)
        self.files = {}

    def __enter__(self):
        return self

    def __exit__(self, kind, error, trace):
        self.zip.close()
        if error is None:
            os.replace(self.partial, self.path)
        else:
            os.unlink(self.partial)

    def text(self, name, text):
        data = text.encode()
        self.files[name] = hashlib.sha256(data).hexdigest()
        self.zip.writestr(name, data)

    def json(self, name, data):
        """`data`: a list, or a dict of lists (any iterables), written one item a line as they come."""
        with self.stream(name) as write:
            if isinstance(data, dict):
                for number, (key, items) in enumerate(data.items()):
                    write(("{" if number == 0 else ",") + "\n" + json.dumps(key) + ": ")
                    write_list(write, items)
                write("\n}\n")
            else:
                write_list(write, data)
                write("\n")

    @contextlib.contextmanager
    def stream(self, name):
        digest = hashlib.sha256()
        info = zipfile.ZipInfo(name, now())
        info.compress_type = zipfile.ZIP_DEFLATED
        with self.zip.open(info, "w", force_zip64=True) as target:

            def write(text):
                data = text.encode()
                digest.update(data)
                target.write(data)

            yield write
        self.files[name] = digest.hexdigest()

    def copy(self, name, source):
        """Add the content of the binary file object `source`, read in chunks."""
        digest = hashlib.sha256()
        info = zipfile.ZipInfo(name, now())
        stored = name.rsplit(".", 1)[-1].lower() in STORED_EXTENSIONS
        info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        with self.zip.open(info, "w", force_zip64=True) as target:
            for chunk in iter(lambda: source.read(1 << 20), b""):
                digest.update(chunk)
                target.write(chunk)
        self.files[name] = digest.hexdigest()

    def finish(self, counts):
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": when(datetime.datetime.now(datetime.UTC)),
            "counts": counts,
            "files": dict(sorted(self.files.items())),
        }
        self.zip.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")


def write_list(write, items):
    write("[")
    for number, item in enumerate(items):
        write(("\n" if number == 0 else ",\n") + json.dumps(item, ensure_ascii=False))
    write("\n]")


def now():
    return datetime.datetime.now().timetuple()[:6]


class Reader:
    """Opens an archive and checks its manifest and every file's checksum before anything is read."""

    def __init__(self, path):
        self.path = os.fspath(path)
        try:
            self.zip = zipfile.ZipFile(self.path)
        except FileNotFoundError as error:
            raise ArchiveError(_("There is no file %(path)s.") % {"path": self.path}) from error
        except (zipfile.BadZipFile, OSError) as error:
            raise ArchiveError(_("%(path)s is not a Carnet archive (not a zip file).") % {"path": self.path}) from error
        self.manifest = self.read_manifest()
        self.verify()

    def close(self):
        self.zip.close()

    def read_manifest(self):
        try:
            manifest = json.loads(self.zip.read(MANIFEST))
        except KeyError as error:
            raise ArchiveError(_("The archive has no manifest.json: it was not made by export_site.")) from error
        except (ValueError, zipfile.BadZipFile, OSError) as error:
            raise ArchiveError(_("The archive's manifest.json cannot be read.")) from error
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise ArchiveError(_("The archive's manifest.json does not describe a Carnet archive."))
        version = manifest.get("version")
        if not isinstance(version, int) or version > VERSION:
            raise ArchiveError(
                _("The archive is in format version %(version)s; this Carnet reads versions up to %(known)s.")
                % {"version": version, "known": VERSION}
            )
        if not isinstance(manifest.get("files"), dict):
            raise ArchiveError(_("The archive's manifest.json does not list its files."))
        return manifest

    def verify(self):
        present = set(self.zip.namelist())
        for name, checksum in self.manifest["files"].items():
            if name not in present:
                raise ArchiveError(_("The archive lacks %(name)s, which its manifest lists.") % {"name": name})
            digest = hashlib.sha256()
            try:
                with self.zip.open(name) as source:
                    for chunk in iter(lambda source=source: source.read(1 << 20), b""):
                        digest.update(chunk)
            except (zipfile.BadZipFile, OSError, EOFError) as error:
                raise ArchiveError(_("%(name)s is damaged in the archive.") % {"name": name}) from error
            if digest.hexdigest() != checksum:
                raise ArchiveError(
                    _("%(name)s is damaged in the archive: its checksum differs from the manifest's.") % {"name": name}
                )

    def names(self, prefix):
        return sorted(name for name in self.manifest["files"] if name.startswith(prefix))

    def text(self, name):
        try:
            return self.zip.read(name).decode()
        except KeyError as error:
            raise ArchiveError(_("The archive lacks %(name)s.") % {"name": name}) from error
        except UnicodeDecodeError as error:
            raise ArchiveError(_("%(name)s is not UTF-8 text.") % {"name": name}) from error

    def front_matter(self, name):
        """(meta, body) of a post or page file."""
        try:
            return frontmatter.loads(self.text(name))
        except frontmatter.FrontMatterError as error:
            raise ArchiveError(_("%(name)s: %(error)s") % {"name": name, "error": error}) from error

    def json(self, name, default=None):
        if default is not None and name not in self.manifest["files"]:
            return default
        try:
            return json.loads(self.text(name))
        except ValueError as error:
            raise ArchiveError(_("%(name)s is not valid JSON: %(error)s") % {"name": name, "error": error}) from error

    def copy_to(self, name, target):
        with self.zip.open(name) as source:
            shutil.copyfileobj(source, target)

    def open(self, name):
        return self.zip.open(name)
