from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portability.wxr_export import export_wordpress


class Command(BaseCommand):
    help = (
        "Write the posts, pages, tags, comments and media as a WordPress export (WXR 1.2) that WordPress's importer "
        "(Tools → Import → WordPress) and import_wordpress read. Bodies are written as HTML."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The WXR file to write (an .xml file; replaced if it exists).")

    def handle(self, *args, path, **options):
        try:
            counts = export_wordpress(path)
        except OSError as error:
            raise CommandError(_("Cannot write %(path)s: %(error)s") % {"path": path, "error": error}) from error
        self.stdout.write(", ".join(f"{name}: {count}" for name, count in counts.items()))
        self.stdout.write(self.style.SUCCESS(_("WordPress export written to %(path)s.") % {"path": path}))
