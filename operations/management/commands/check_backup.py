from django.core.management.base import BaseCommand, CommandError

from operations import backup


class Command(BaseCommand):
    help = "Check a backup folder: every file against its checksum, and the database copy's integrity (SQLite)."

    def add_arguments(self, parser):
        parser.add_argument("folder")

    def handle(self, folder, **options):
        try:
            manifest = backup.verify(folder)
        except backup.BackupError as error:
            raise CommandError(f"{folder} is not a sound backup: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"{folder} is sound: {manifest['database']['vendor']} database of {manifest['created_at']}, "
                f"{sum(manifest['tables'].values())} rows in {len(manifest['tables'])} tables, "
                f"{len(manifest['media'])} media files"
            )
        )
