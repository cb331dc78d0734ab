import resource
import time
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from wordpress.files import Files
from wordpress.importer import Importer


class TimedFiles(Files):
    """The importer's file stage, counting the wall and CPU seconds of each of its steps."""

    wall, cpu = Counter(), Counter()

    def timed(self, name, step, *args, **kwargs):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return step(*args, **kwargs)
        finally:
            self.wall[name] += time.perf_counter() - wall
            self.cpu[name] += time.process_time() - cpu

    def read(self, *args, **kwargs):
        return self.timed("read", super().read, *args, **kwargs)

    def bring_in(self, *args, **kwargs):
        return self.timed("store", super().bring_in, *args, **kwargs)

    def rewrite(self, *args, **kwargs):
        return self.timed("rewrite", super().rewrite, *args, **kwargs)

    def finish(self, *args, **kwargs):
        return self.timed("queue renditions", super().finish, *args, **kwargs)


class Command(BaseCommand):
    help = (
        "Measure what pictures add to a WordPress import: writes (once) a generated export with "
        "pictures and their uploads folder into WORKDIR, imports it into the configured database "
        "with --media-from, and prints the time of the whole import and of its file stage. With "
        "TASKS_BACKEND=django_tasks_db.DatabaseBackend the renditions are left to `db_worker`, as in production."
    )

    def add_arguments(self, parser):
        parser.add_argument("workdir")
        parser.add_argument("--posts", type=int, default=5000)
        parser.add_argument("--comments", type=int, default=50000)
        parser.add_argument("--pictures", type=int, default=2000)

    def handle(self, *args, workdir, posts, comments, pictures, **options):
        workdir = Path(workdir)
        export, uploads = workdir / f"export-{posts}-{comments}-{pictures}.xml", workdir / f"uploads-{pictures}"
        if not export.exists():
            workdir.mkdir(parents=True, exist_ok=True)
            call_command(
                "generate_wxr", str(export), posts=posts, comments=comments, pictures=pictures, uploads=str(uploads)
            )
        importer = Importer()
        importer.uploads = TimedFiles(importer.report, folder=uploads)
        wall, cpu = time.perf_counter(), time.process_time()
        report = importer.run(str(export))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        for line in report.lines():
            if line.startswith(("posts", "files")) or "pictures" in line:
                self.stdout.write(line)
        steps = ", ".join(
            f"{name} {TimedFiles.wall[name]:.1f} s ({TimedFiles.cpu[name]:.1f} s CPU)" for name in TimedFiles.wall
        )
        self.stdout.write(f"Whole import: {wall:.1f} s wall, {cpu:.1f} s CPU.")
        stage_wall, stage_cpu = sum(TimedFiles.wall.values()), sum(TimedFiles.cpu.values())
        self.stdout.write(f"File stage: {stage_wall:.1f} s wall, {stage_cpu:.1f} s CPU: {steps}.")
        backend = settings.TASKS["default"]["BACKEND"]
        where = "made inside the import" if "immediate" in backend else "queued for the worker"
        self.stdout.write(f"Renditions: {where} ({backend}).")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"Peak resident memory: {peak:.0f} MB.")
