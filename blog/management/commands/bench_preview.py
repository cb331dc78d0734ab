import random
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import include, path

from accounts.models import User
from blog import markup
from blog.desk import reading_stats

WORDS = [
    "l'internet",
    "est",
    "un",
    "lieu",
    "où",
    "l'on",
    "vit",
    "écrire",
    "chaque",
    "semaine",
    "été",
    "hiver",
    "Genève",
    "café",
    "thé",
    "réseau",
    "chronique",
    "mémoire",
    "amitié",
    "conversation",
    "lumière",
    "matin",
    "forêt",
    "lecture",
    "école",
    "téléphone",
    "message",
    "souvenir",
    "voyage",
    "qu'on",
    "d'abord",
    "aujourd'hui",
    "peut-être",
    "anticonstitutionnellement",
]


def bare(request):
    return HttpResponse(len(request.POST["body"]))


# The site's own URLs plus a bare view: the baseline is measured through the same middleware.
urlpatterns = [path("bench/bare/", bare), path("", include("config.urls"))]


def article(words, seed=0):
    """About `words` words of Markdown as an author writes it: headings, paragraphs, lists, links, emphasis."""
    rng = random.Random(seed)
    blocks, count = [], 0
    while count < words:
        if count % 500 == 0:
            blocks.append("## " + " ".join(rng.choices(WORDS, k=5)).capitalize())
        elif count % 300 == 0:
            blocks.append("\n".join("- " + " ".join(rng.choices(WORDS, k=8)) for _ in range(4)))
        sentence = rng.choices(WORDS, k=70)
        sentence[10] = f"**{sentence[10]}**"
        sentence[30] = f"*{sentence[30]}*"
        sentence[50] = f"[{sentence[50]}](https://example.org/{count})"
        blocks.append(" ".join(sentence).capitalize() + ".")
        count += 70
    return "\n\n".join(blocks)


def median_ms(call, repeat):
    durations = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        durations.append((time.perf_counter() - started) * 1000)
    return statistics.median(durations)


class Command(BaseCommand):
    help = (
        "Median latency of the post form's live preview for a long post, through the whole request stack, "
        "next to a bare Django view answering the same request. Creates a user and rolls it back."
    )

    def add_arguments(self, parser):
        parser.add_argument("--words", type=int, default=3000, help="Length of the previewed post.")
        parser.add_argument("--repeat", type=int, default=30, help="Requests per measure.")

    def handle(self, *args, **options):
        body = article(options["words"])
        data = {"body": body, "markup": "markdown"}
        with transaction.atomic(), override_settings(ROOT_URLCONF=__name__, ALLOWED_HOSTS=["testserver"]):
            client = Client()
            client.force_login(User.objects.create(username="bench-preview-author", is_superuser=True, is_staff=True))
            response = client.post("/admin/blog/post/desk/preview/", data)
            assert response.status_code == 200, response.status_code
            words, _minutes = reading_stats(response.content.decode())
            preview = median_ms(lambda: client.post("/admin/blog/post/desk/preview/", data), options["repeat"])
            baseline = median_ms(lambda: client.post("/bench/bare/", data), options["repeat"])
            rendering = median_ms(lambda: markup.render(body), options["repeat"])
            transaction.set_rollback(True)
        self.stdout.write(
            f"Post: {words} words ({len(body)} characters of Markdown), {options['repeat']} requests each"
        )
        self.stdout.write(f"{'measure':<34} {'median ms':>10}")
        self.stdout.write(f"{'preview endpoint (whole stack)':<34} {preview:>10.1f}")
        self.stdout.write(f"{'markup.render alone':<34} {rendering:>10.1f}")
        self.stdout.write(f"{'bare Django view, same request':<34} {baseline:>10.1f}")
        self.stdout.write(self.style.SUCCESS(f"Preview / bare view: {preview / baseline:.1f}×"))
