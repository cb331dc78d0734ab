import io
import statistics
import tempfile
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test import override_settings
from PIL import Image

from media.services import create_from_file


def twelve_megapixel_jpeg(width=4000, height=3000):
    """A photo-like 4000 x 3000 JPEG: a colour gradient under noise (noise does not compress away)."""
    gradient = Image.linear_gradient("L").resize((width, height))
    noise = Image.effect_noise((width, height), 40)
    image = Image.merge("RGB", (gradient, noise, gradient.transpose(Image.Transpose.FLIP_LEFT_RIGHT)))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


class Command(BaseCommand):
    help = "Time an upload of a 12 MP JPEG to its renditions, and weigh the renditions (nothing is kept)."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=3)

    def handle(self, *args, runs, **options):
        original = twelve_megapixel_jpeg()
        self.stdout.write(f"original: 4000 x 3000 JPEG, {len(original) / 1e6:.2f} MB")
        timings, cpu = [], []
        with tempfile.TemporaryDirectory() as root, override_settings(MEDIA_ROOT=root):
            for _run in range(runs):
                with transaction.atomic():
                    user, _created = get_user_model().objects.get_or_create(username="media-benchmark")
                    started, started_cpu = time.perf_counter(), time.process_time()
                    item = create_from_file(io.BytesIO(original), "benchmark.jpg", alt="x", uploaded_by=user)
                    timings.append(time.perf_counter() - started)
                    cpu.append(time.process_time() - started_cpu)
                    transaction.set_rollback(True)
        self.stdout.write(
            f"upload to renditions: median {statistics.median(timings):.2f} s over {runs} runs "
            f"(min {min(timings):.2f} s, max {max(timings):.2f} s); "
            f"CPU time of this process: median {statistics.median(cpu):.2f} s (what a busy machine does not change)"
        )
        for fmt in dict.fromkeys(r["format"] for r in item.renditions):
            sizes = ", ".join(
                f"{r['width']} px {r['bytes'] / 1000:.0f} kB" for r in item.renditions if r["format"] == fmt
            )
            self.stdout.write(f"  {fmt}: {sizes}")
        total = sum(r["bytes"] for r in item.renditions)
        self.stdout.write(f"  all renditions: {total / 1e6:.2f} MB in {len(item.renditions)} files")
