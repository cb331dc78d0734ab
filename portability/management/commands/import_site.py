from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portability.archive import ArchiveError
from portability.site_import import import_site


class Command(BaseCommand):
    help = "Restore an archive written by export_site into an empty database (after migrate)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive export_site wrote.")

    def handle(self, *args, path, **options):
        try:
            counts = import_site(path)
        except ArchiveError as error:
            raise CommandError(_("%(error)s Nothing was imported.") % {"error": error}) from error
        except OSError as error:
            raise CommandError(
                _("Cannot read %(path)s: %(error)s Nothing was imported.") % {"path": path, "error": error}
            ) from error
        self.stdout.write(", ".join(f"{name}: {count}" for name, count in counts.items()))
        self.stdout.write(
            self.style.WARNING(
                _(
                    "Passwords are not in the archive: restored users cannot log in until a new password is "
                    "set for each (“manage.py changepassword USERNAME”)."
                )
            )
        )
        self.stdout.write(self.style.SUCCESS(_("Site restored from %(path)s.") % {"path": path}))
