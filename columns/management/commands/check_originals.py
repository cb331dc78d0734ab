from collections import Counter

from django.conf import settings
from django.core.management.base import BaseCommand

from columns import originals
from columns.models import OriginalStatus, Republication


class Command(BaseCommand):
    help = "Visit the original of every republished column and record whether it is online, has moved or is gone."

    def add_arguments(self, parser):
        parser.add_argument(
            "--timeout", type=float, default=settings.COLUMNS_CHECK_TIMEOUT, help="Seconds to wait for each site."
        )
        parser.add_argument(
            "--concurrency",
            type=int,
            default=settings.COLUMNS_CHECK_CONCURRENCY,
            help="How many originals to visit at the same time.",
        )

    def handle(self, *args, timeout, concurrency, **options):
        republications = Republication.objects.order_by("pk")
        on_terminal = self.stdout.isatty()
        results = originals.check_all(
            republications, concurrency=concurrency, timeout=timeout, progress=self.progress if on_terminal else None
        )
        if on_terminal:
            self.stdout.write("")
        for republication, outcome in results:
            if outcome.error:
                self.stdout.write(self.style.WARNING(f"Failed: {republication.original_url} ({outcome.error})"))
            elif outcome.status == OriginalStatus.MOVED:
                self.stdout.write(f"Moved: {republication.original_url} → {outcome.moved_to}")
            elif outcome.status == OriginalStatus.GONE:
                self.stdout.write(self.style.WARNING(f"Gone: {republication.original_url}"))
        counts = Counter(outcome.status or "failed" for _republication, outcome in results)
        summary = (
            f"Checked {len(results)} originals: {counts[OriginalStatus.ONLINE]} online, "
            f"{counts[OriginalStatus.MOVED]} moved, {counts[OriginalStatus.GONE]} gone, {counts['failed']} failed."
        )
        self.stdout.write(self.style.WARNING(summary) if counts["failed"] else self.style.SUCCESS(summary))

    def progress(self, done, total, republication):
        self.stdout.write(f"\r\033[K[{done}/{total}] {republication.original_url[:70]}", ending="")
        self.stdout.flush()
