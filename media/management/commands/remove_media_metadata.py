from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from media import metadata, validation
from media.models import Kind, MediaItem
from media.services import sha256


class Command(BaseCommand):
    help = (
        "Remove the place a photo was taken, the camera's serial number and other metadata from the originals "
        "stored before the library did so at upload (their pixels untouched). Run it once after upgrading."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Say which files carry metadata; change none.")

    def handle(self, *args, dry_run, **options):
        cleaned = 0
        for item in MediaItem.objects.filter(kind=Kind.IMAGE).order_by("pk").iterator():
            try:
                with default_storage.open(item.file.name, "rb") as file:
                    data = file.read()
            except OSError as error:
                self.stderr.write(f"{item.file.name}: not read ({error}); left as it is.")
                continue
            image_format = validation.IMAGE_FORMATS.get(validation.extension_of(item.file.name))  # checked at upload
            kept = metadata.without_metadata(data, image_format)
            if kept == data:
                continue
            cleaned += 1
            self.stdout.write(f"{item.file.name}: {len(data) - len(kept):,} bytes of metadata")
            if not dry_run:
                self.replace(item, data, kept)
        done = f"{cleaned} original(s) carry metadata." if dry_run else f"Metadata removed from {cleaned} original(s)."
        self.stdout.write(self.style.SUCCESS(done))

    @staticmethod
    def replace(item, data, kept):
        """The file rewritten at its address, which posts use, with its size and checksum. The file as it was (`data`)
        is copied aside first, and removed once the new one is stored: a failure in between loses nothing."""
        name = item.file.name
        aside = default_storage.save(f"{name}.before-metadata-removal", ContentFile(data))
        default_storage.delete(name)
        stored = default_storage.save(name, ContentFile(kept))
        if stored != name:
            raise CommandError(f"{name} was stored as {stored}; the file as it was is at {aside}.")
        MediaItem.objects.filter(pk=item.pk).update(size=len(kept), checksum=sha256(ContentFile(kept)))
        default_storage.delete(aside)
