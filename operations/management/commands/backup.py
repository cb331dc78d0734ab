import time

from django.core.management.base import BaseCommand, CommandError

from operations import backup


class Command(BaseCommand):
    help = "Back up the database and every media file into a new folder inside DIRECTORY, with checksums."

    def add_arguments(self, parser):
        parser.add_argument("directory")

    def handle(self, directory, **options):
        started = time.monotonic()
        try:
            folder = backup.create(directory)
            manifest = backup.verify(folder)
        except (backup.BackupError, OSError) as error:
            raise CommandError(f"Backup failed: {error}") from error
        size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
        self.stdout.write(
            self.style.SUCCESS(
                f"{folder}: {len(manifest['tables'])} tables, {sum(manifest['tables'].values())} rows, "
                f"{len(manifest['media'])} media files, {size / 1e6:.1f} MB in {time.monotonic() - started:.1f} s"
            )
        )
