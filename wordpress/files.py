"""Bringing the old blog's files into Carnet: from a copy of its uploads folder, or from the old site.

Each file is stored, with its `Upload` row, in a transaction of its own, before the
posts are imported: an interrupted run keeps what it brought in, and the next run
fetches only what is still missing. Pictures and PDF documents go into the media
library; the other files a blog links to (audio, video, office documents) are kept
as they were, next to it; anything else (scripts, SVG, HTML) is listed, not kept.
"""

from functools import cached_property
from pathlib import Path, PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from media import services, tasks, validation
from media.models import Kind

from . import uploads
from .content.uploads import Addresses
from .fetch import Fetcher
from .models import Upload
from .wxr import to_int

LIBRARY = {*validation.IMAGE_FORMATS, "pdf"}
KEPT = {
    *("mp3", "m4a", "ogg", "oga", "wav", "flac", "wma", "mp4", "m4v", "webm", "ogv", "mov", "wmv", "avi"),
    *("zip", "doc", "docx", "odt", "ods", "odp", "xls", "xlsx", "ppt", "pptx", "epub", "rtf", "txt"),
}
KEPT_FOLDER = "wordpress"


class Files:
    """`folder`: a copy of `wp-content/uploads`; `fetch`: options of a `Fetcher` (concurrency, timeout…)."""

    def __init__(self, report, folder=None, fetch=None):
        self.report, self.folder, self.fetch = report, Path(folder) if folder else None, fetch
        self.dry_run = False

    @property
    def wanted(self):
        return self.folder is not None or self.fetch is not None

    @cached_property
    def addresses(self):
        """Read once the files are in."""
        return Addresses()

    def rewrite(self, body, hosts, thumbnail_id=0):
        """`body` showing Carnet's copies of the old blog's files (those of earlier runs too)."""
        rewritten = self.addresses.rewrite(body, hosts, to_int(thumbnail_id))
        if rewritten.pictures:
            self.report.note("post", _("pictures now shown from the media library"), rewritten.pictures)
        if rewritten.links:
            self.report.note("post", _("links to the old site's files now leading to Carnet's copies"), rewritten.links)
        return rewritten.html

    def finish(self):
        """Once the posts are in: the renditions of the pictures that lack them, made by the task worker.

        Asked of every imported picture without renditions, so that a run that stopped half-way
        is made good by the next one.
        """
        if not self.wanted or self.dry_run:
            return
        pictures = Upload.objects.filter(item__kind=Kind.IMAGE, item__renditions=[]).values_list("item", flat=True)
        for pk in pictures:
            tasks.add_renditions.enqueue(pk)

    def read(self, data):
        """The export's `Site` and the files it names; WXRError for a file that is not one, before any is stored."""
        site, _hosts, wanted = uploads.collect(data)
        return site, wanted

    def bring_in(self, wanted, owner, dry_run=False):
        """Store the `wanted` files that Carnet does not have yet.

        `owner(login)` is the user the files of WordPress user `login` belong to.
        """
        paths = set(Upload.objects.values_list("path", flat=True))
        keys = set(Upload.objects.values_list("key", flat=True))
        todo = []
        for file in wanted.values():
            if file.key in keys or paths.intersection(file.paths):
                self.report.add("file", "unchanged")
            else:
                todo.append(file)
        self.owner, self.dry_run = owner, dry_run
        if self.folder is not None:
            todo = [file for file in todo if not self.from_folder(file)]
        if self.fetch is not None and todo and dry_run:
            self.report.add("file", "skipped", _("not fetched in a dry run"), len(todo))
            return
        if self.fetch is not None and todo:
            todo = self.fetched(todo)
        for file in todo:
            posts = ", ".join(file.posts) or _("no post: an attachment of the export")
            self.report.listing("missing_file", f"{file.paths[0]} — {posts}")
        self.report.add("file", "skipped", _("not found"), len(todo))

    def from_folder(self, file):
        for path in file.paths:
            local = self.folder.joinpath(*PurePosixPath(path).parts)
            if local.is_file():
                if not self.dry_run:
                    with open(local, "rb") as opened:
                        self.store(file, path, opened)
                else:
                    self.report.add("file", "created")
                return True
        return False

    def fetched(self, todo):
        """Fetch `todo` from the old site; returns the files it could not fetch."""
        missing = []
        with Fetcher(**self.fetch) as fetcher:
            for file, result in fetcher.fetch_all(todo):
                if isinstance(result, str):
                    self.report.listing("unfetched_file", f"{file.paths[0]}: {result}")
                    missing.append(file)
                    continue
                with open(result.file, "rb") as opened:
                    self.store(file, result.path, opened)
        return missing

    def store(self, file, path, opened):
        extension = PurePosixPath(path).suffix.lower().lstrip(".")
        name = PurePosixPath(path).name
        try:
            with transaction.atomic():
                upload = Upload(path=path, key=file.key, wordpress_id=file.attachment_id or None)
                if extension in LIBRARY:
                    alt, caption = described(file, extension)
                    upload.item = services.create_from_file(
                        opened,
                        name,
                        alt=alt,
                        caption=caption,
                        uploaded_by=self.owner(file.creator),
                        renditions_later=True,
                    )
                elif extension in KEPT:
                    upload.file = default_storage.save(f"{KEPT_FOLDER}/{path}", File(opened, name=name))
                else:
                    raise ValidationError(_("“%(name)s”: this kind of file is not kept.") % {"name": name})
                upload.save()
        except ValidationError as error:
            self.report.add("file", "skipped", _("refused"))
            self.report.listing("refused_file", f"{path}: {' '.join(error.messages)} — {', '.join(file.posts)}")
            return
        self.report.add("file", "created")


def described(file, extension):
    """Alt text and caption for the library from the attachment's: its alt text, excerpt and title.

    WordPress gives an upload its file name as title: a title someone typed says what the
    picture shows (images) or names the document (the caption of a PDF is its link label).
    """
    typed = file.title if slugify(file.title) != slugify(PurePosixPath(file.name).stem) else ""
    if extension == "pdf":
        return "", file.caption or typed
    return file.alt or typed, file.caption
