import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from wordpress.blogs import OtherBlog
from wordpress.importer import Importer
from wordpress.wxr import WXRError


class Command(BaseCommand):
    help = "Import posts, tags and comments from a WordPress export (WXR) file, and keep its old links working."

    def add_arguments(self, parser):
        parser.add_argument("export", help="The WXR file WordPress exported (Tools → Export).")
        parser.add_argument("--dry-run", action="store_true", help="Report what would happen; store nothing.")
        parser.add_argument("--author", metavar="USERNAME", help="Give every post to this existing user.")
        media = parser.add_argument_group("pictures and files (into the media library)")
        media.add_argument("--media-from", metavar="DIR", help="A copy of the old blog's wp-content/uploads folder.")
        media.add_argument("--fetch-media", action="store_true", help="Download the files from the old site.")
        media.add_argument("--media-concurrency", type=int, default=4, metavar="N", help="Downloads at once (4).")
        media.add_argument("--media-timeout", type=float, default=30, metavar="SECONDS", help="Per request (30).")
        media.add_argument("--media-retries", type=int, default=3, metavar="N", help="After a failure (3).")

    def handle(self, *args, export, dry_run, author, media_from, fetch_media, **options):
        user = None
        if author:
            user = get_user_model().objects.filter(username=author).first()
            if user is None:
                raise CommandError(_("There is no user “%(username)s”.") % {"username": author})
        if media_from and not os.path.isdir(media_from):
            raise CommandError(_("%(folder)s is not a folder. Nothing was imported.") % {"folder": media_from})
        fetching = None
        if fetch_media:
            fetching = {key: options[f"media_{key}"] for key in ("concurrency", "timeout", "retries")}
        importer = Importer(
            author=user,
            progress=self.show_progress if self.stdout.isatty() else None,
            media_from=media_from,
            fetch_media=fetching,
        )
        try:
            with open(export, "rb") as source:
                report = importer.run(source, dry_run=dry_run)
        except OSError as error:
            raise CommandError(_("Cannot read %(file)s: %(error)s") % {"file": export, "error": error}) from error
        except (WXRError, OtherBlog) as error:
            raise CommandError(
                _("%(file)s: %(error)s Nothing was imported.") % {"file": export, "error": error}
            ) from error
        if self.stdout.isatty():
            self.stdout.write("\r\033[K", ending="")
        for line in report.lines(verbose=options["verbosity"] >= 2):
            self.stdout.write(line)
        if dry_run:
            self.stdout.write(self.style.WARNING(_("Dry run: nothing was stored.")))
        else:
            self.stdout.write(self.style.SUCCESS(_("Import finished.")))

    def show_progress(self, number):
        if number % 50 == 0:
            self.stdout.write(f"\r{_('Items read:')} {number}", ending="")
            self.stdout.flush()
