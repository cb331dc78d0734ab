import datetime
import os
import platform

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bench import corpus, runner
from blog.models import Post


class Command(BaseCommand):
    help = (
        "Build the generated corpus in the benchmark's own database (once), serve it with gunicorn on 127.0.0.1 "
        "and load each page with wrk, page cache off then on. Prints the table and writes it under .bench/."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8765, help="Port of the benchmark's gunicorn.")
        parser.add_argument("--duration", type=int, default=10, help="Seconds of load per page.")
        parser.add_argument("--connections", type=int, default=16, help="wrk connections.")
        parser.add_argument("--cache", choices=["off", "on", "both"], default="both")
        parser.add_argument("--fresh", action="store_true", help="Generate the corpus again from an empty database.")
        parser.add_argument(
            "--posts",
            type=int,
            default=corpus.POSTS,
            help="Posts of a corpus generated now; tags, comments and columns in proportion (to compare sizes).",
        )

    def handle(self, *args, **options):
        (settings.BASE_DIR / ".bench").mkdir(exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        if options["fresh"]:
            call_command("flush", interactive=False, verbosity=0)
        if not Post.objects.filter(slug=corpus.BIG_POST).exists():
            if Post.objects.exists():
                raise CommandError("The benchmark database holds other posts: point it at a database of its own.")
            self.stdout.write(f"Generating the corpus on {connection.vendor}…")
            started = datetime.datetime.now()
            counts = corpus.generate_scaled(options["posts"])
            self.stdout.write(f"{counts} in {(datetime.datetime.now() - started).seconds} s")
        call_command("collectstatic", interactive=False, verbosity=0)
        modes = ["off", "on"] if options["cache"] == "both" else [options["cache"]]
        load_before = os.getloadavg()
        try:
            rows = runner.run(self.stdout.write, options["port"], options["duration"], options["connections"], modes)
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
        heading = (
            f"# make bench, {stamp} UTC, {connection.vendor}, {corpus.describe()}, {options['duration']} s per page, "
            f"{options['connections']} connections, gunicorn 2 sync workers, Python {platform.python_version()}, "
            f"{os.cpu_count()} CPUs, load average {_load(load_before)} before, {_load(os.getloadavg())} after"
        )
        report = f"{heading}\n\n{runner.table(rows)}\n"
        path = settings.BASE_DIR / ".bench" / f"results-{connection.vendor}-{stamp}.md"
        path.write_text(report)
        self.stdout.write("\n" + report)
        self.stdout.write(self.style.SUCCESS(f"Written to {path}"))


def _load(averages):
    return " / ".join(f"{value:.1f}" for value in averages)
