from django.core.management.base import BaseCommand, CommandError

from operations import backup


class Command(BaseCommand):
    help = (
        "Replace the database and the media files with those of a backup folder (checked first). "
        "Stop the web and task workers before."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, folder, yes, **options):
        if not yes and input(f"Replace the database and media files with {folder}? [y/N] ").lower() != "y":
            raise CommandError("Nothing restored.")
        try:
            manifest = backup.restore(folder)
        except (backup.BackupError, OSError) as error:
            raise CommandError(f"Restore failed: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {folder}: {sum(manifest['tables'].values())} rows, {len(manifest['media'])} media files."
            )
        )
