from django.core.management.base import BaseCommand

from search.indexing import rebuild


class Command(BaseCommand):
    help = "Index every post again for search (after an import, or to repair the index)."

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} posts."))
