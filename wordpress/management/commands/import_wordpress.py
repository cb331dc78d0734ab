from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from wordpress.importer import Importer
from wordpress.wxr import WXRError


class Command(BaseCommand):
    help = "Import posts, tags and comments from a WordPress export (WXR) file, and keep its old links working."

    def add_arguments(self, parser):
        parser.add_argument("export", help="The WXR file WordPress exported (Tools → Export).")
        parser.add_argument("--dry-run", action="store_true", help="Report what would happen; store nothing.")
        parser.add_argument("--author", metavar="USERNAME", help="Give every post to this existing user.")

    def handle(self, *args, export, dry_run, author, **options):
        user = None
        if author:
            user = get_user_model().objects.filter(username=author).first()
            if user is None:
                raise CommandError(_("There is no user “%(username)s”.") % {"username": author})
        importer = Importer(author=user, progress=self.show_progress if self.stdout.isatty() else None)
        try:
            with open(export, "rb") as source:
                report = importer.run(source, dry_run=dry_run)
        except OSError as error:
            raise CommandError(_("Cannot read %(file)s: %(error)s") % {"file": export, "error": error}) from error
        except WXRError as error:
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
