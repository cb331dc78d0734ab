from django.core.management.base import BaseCommand
from django.db import connection, transaction

from search.benchmark import generate_posts, measure


class Command(BaseCommand):
    help = (
        "Generate posts, time the search page on them, and roll everything back. "
        "Run it against a database of its own (DATABASE_URL=…) that `migrate` has prepared."
    )

    def add_arguments(self, parser):
        parser.add_argument("--posts", type=int, default=10_000, help="How many posts to generate.")
        parser.add_argument("--repeat", type=int, default=5, help="How many times each query runs.")

    def handle(self, *args, **options):
        with transaction.atomic():
            self.stdout.write(f"Generating {options['posts']} posts on {connection.vendor}…")
            indexed = generate_posts(options["posts"])
            self.stdout.write(f"{indexed} posts indexed. Median of {options['repeat']} runs per query:")
            self.stdout.write(f"{'query':<22} {'SQL queries':>11} {'median ms':>10} {'posts found':>12}")
            for query, queries, median, found in measure(repeat=options["repeat"]):
                self.stdout.write(f"{query:<22} {queries:>11} {median:>10.1f} {found:>12}")
            transaction.set_rollback(True)
        self.stdout.write(self.style.SUCCESS("Generated posts rolled back."))
