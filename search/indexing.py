"""Keeping each post's SearchDocument current."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Case, Value, When

from blog.markup import markdown_to_html, plain_text
from blog.models import Language, Post

from . import fts
from .models import SearchDocument

# Text-search configurations made by migration 0002: the language's stemming, accents removed.
CONFIGURATIONS = {Language.FR: "carnet_french", Language.EN: "carnet_english"}


def document_for(post):
    """An unsaved SearchDocument holding what search reads of `post` (tags and translations read as given)."""
    summaries = {t.language_code: plain_text(markdown_to_html(t.summary)) for t in post.translations.all()}
    tags = " ".join(tag.name for tag in post.tags.all())
    body = plain_text(post.body_html)
    return SearchDocument(
        post=post,
        language=post.language,
        title=post.title,
        summary_fr=summaries.get(Language.FR, ""),
        summary_en=summaries.get(Language.EN, ""),
        tags=tags,
        body=body,
    )


def weighted_vector():
    """Title A, summaries and tags B, body C; each summary in its own language's configuration."""
    own = Case(
        *(When(language=code, then=Value(config)) for code, config in CONFIGURATIONS.items()),
        default=Value(CONFIGURATIONS[Language.FR]),
    )
    return (
        SearchVector("title", config=own, weight="A")
        + SearchVector("summary_fr", config=CONFIGURATIONS[Language.FR], weight="B")
        + SearchVector("summary_en", config=CONFIGURATIONS[Language.EN], weight="B")
        + SearchVector("tags", config=own, weight="B")
        + SearchVector("body", config=own, weight="C")
    )


def update_vectors(documents):
    if connection.vendor == "postgresql":
        documents.update(vector=weighted_vector())


FIELDS = [field.name for field in SearchDocument._meta.concrete_fields if field.name not in {"post", "vector"}]
# The ids of the posts saved inside `deferred()`, or None outside it.
_pending = ContextVar("search_pending", default=None)


def index_soon(post_id):
    """Index the post now, or when the enclosing `deferred()` block ends."""
    pending = _pending.get()
    if pending is None:
        index_posts([post_id])
    else:
        pending.add(post_id)


@contextmanager
def deferred():
    """Index the posts saved in the block once each, when it ends, instead of at every save.

    A bulk write (blog.extensions.bulk_writers: the WordPress import) saves a post, its
    summaries and its tags separately; each save would index the post again.
    """
    if _pending.get() is not None:
        yield
        return
    pending = set()
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    index_posts(pending)


@transaction.atomic
def index_posts(post_ids, batch_size=500):
    """Write the documents of these posts, a batch at a time, in a few queries per batch."""
    post_ids = sorted(post_ids)
    for start in range(0, len(post_ids), batch_size):
        batch = post_ids[start : start + batch_size]
        posts = Post.objects.filter(pk__in=batch).prefetch_related("tags", "translations")
        documents = [document_for(post) for post in posts]
        SearchDocument.objects.bulk_create(
            documents, update_conflicts=True, unique_fields=["post"], update_fields=FIELDS
        )
        update_vectors(SearchDocument.objects.filter(post__in=batch))
        if fts.in_use():
            fts.write(documents)
    if fts.in_use() and len(post_ids) > batch_size:
        fts.optimize()


@transaction.atomic
def rebuild(batch_size=500):
    """Index every post again from scratch; returns the number of posts indexed."""
    SearchDocument.objects.all().delete()
    if fts.in_use():
        fts.clear()
    posts = Post.objects.prefetch_related("tags", "translations").order_by("pk")
    count = 0
    batch = []
    for post in posts.iterator(chunk_size=batch_size):
        batch.append(document_for(post))
        if len(batch) == batch_size:
            count += _store(batch)
            batch = []
    count += _store(batch)
    update_vectors(SearchDocument.objects.all())
    if fts.in_use():
        fts.optimize()
    return count


def _store(documents):
    SearchDocument.objects.bulk_create(documents)
    if fts.in_use():
        fts.write(documents)
    return len(documents)
