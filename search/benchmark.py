"""Generated posts for measuring search at scale (manage.py benchmark_search)."""

import random
import statistics
import time

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag

from accounts.models import User
from blog import markup
from blog.models import Post, PostStatus, TaggedPost

from .indexing import rebuild
from .queries import search_posts
from .text import terms
from .views import search

WORDS = {
    "fr": [
        "internet",
        "espace",
        "vie",
        "relations",
        "humaines",
        "réseau",
        "écriture",
        "chronique",
        "lumière",
        "matin",
        "hiver",
        "été",
        "Genève",
        "Neuchâtel",
        "atelier",
        "blog",
        "billet",
        "journal",
        "mémoire",
        "amitié",
        "café",
        "thé",
        "travail",
        "projet",
        "ville",
        "forêt",
        "lecture",
        "livre",
        "école",
        "enfant",
        "téléphone",
        "message",
        "conversation",
        "souvenir",
        "voyage",
    ],
    "en": [
        "internet",
        "space",
        "life",
        "human",
        "relations",
        "network",
        "writing",
        "column",
        "light",
        "morning",
        "winter",
        "summer",
        "workshop",
        "blog",
        "post",
        "diary",
        "memory",
        "friendship",
        "coffee",
        "tea",
        "work",
        "project",
        "city",
        "forest",
        "reading",
        "book",
        "school",
        "child",
        "phone",
        "message",
        "conversation",
        "memory",
        "travel",
    ],
}
TAGS = [f"sujet-{number}" for number in range(60)] + ["internet", "relations", "écriture", "blogging"]
QUERIES = ["internet", "relations humaines", "lumière", "écriture", "friendship", "blog matin", "xyzzy"]


def sentence(rng, language, length):
    return " ".join(rng.choice(WORDS[language]) for _ in range(length)).capitalize() + "."


def generate_posts(count, seed=0):
    """Create `count` published posts in both languages, with tags and a summary in the other language."""
    rng = random.Random(seed)
    author, _created = User.objects.get_or_create(username="benchmark-author")
    tags = [Tag.objects.get_or_create(name=name, defaults={"slug": name})[0] for name in TAGS]
    now = timezone.now()
    posts = []
    for number in range(count):
        language = "fr" if number % 2 else "en"
        body = "\n\n".join(sentence(rng, language, 25) for _ in range(8))
        posts.append(
            Post(
                author=author,
                language=language,
                title=sentence(rng, language, 6)[:-1],
                slug=f"benchmark-{number}",
                body=body,
                body_html=markup.render(body),
                status=PostStatus.PUBLISHED,
                published_at=now - timezone.timedelta(hours=number),
            )
        )
    posts = Post.objects.bulk_create(posts, batch_size=500)
    translation = Post._parler_meta.root_model
    translation.objects.bulk_create(
        [
            translation(master=post, language_code=other, summary=sentence(rng, other, 15))
            for post in posts
            for other in ["en" if post.language == "fr" else "fr"]
        ],
        batch_size=500,
    )
    TaggedPost.objects.bulk_create(
        [TaggedPost(content_object=post, tag=tag) for post in posts for tag in rng.sample(tags, 3)],
        batch_size=500,
    )
    indexed = rebuild()
    if connection.vendor == "postgresql":
        # Fresh statistics, as autovacuum keeps them on a live site; without them the planner
        # guesses from empty tables.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE blog_post, blog_post_translation, blog_taggedpost, search_searchdocument")
    return indexed


def measure(queries=QUERIES, repeat=5):
    """For each query: the search page's SQL query count, its median time (ms) and the number of results."""
    factory = RequestFactory()
    rows = []
    for query in queries:
        durations = []
        for _ in range(repeat):
            request = factory.get("/search/", {"q": query})
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = search(request)
                durations.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        found = len(search_posts(terms(query)))
        rows.append((query, len(captured.captured_queries), statistics.median(durations), found))
    return rows
