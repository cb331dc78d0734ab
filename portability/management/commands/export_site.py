from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portability.site_export import export_site


class Command(BaseCommand):
    help = "Write the whole site (posts, comments, columns, redirects, users without passwords, media) to one archive."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive to write (a .zip file; replaced if it exists).")

    def handle(self, *args, path, **options):
        try:
            counts = export_site(path)
        except OSError as error:
            raise CommandError(_("Cannot write %(path)s: %(error)s") % {"path": path, "error": error}) from error
        self.stdout.write(", ".join(f"{name}: {count}" for name, count in counts.items()))
        self.stdout.write(self.style.SUCCESS(_("Archive written to %(path)s.") % {"path": path}))
