"""Migration 0010: the texts a search shows excerpts of, written again where a heading ends."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from search.models import SearchDocument
from search.queries import search_posts
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)


def test_a_heading_indexed_before_ends_as_a_sentence_after_the_migration():
    """A post indexed when its heading ran into the next sentence, its summary too, reads as a sentence after the
    migration, and is found by the same words; a post without a heading is left as it was."""
    post = PostFactory(
        title="Genève",
        body="Il fait chaud.\n\n## Le lac en été\n\nOn s’y baigne.",
        summary={"en": "## Summer\n\nA swim."},
    )
    plain = PostFactory(title="Sans titre", body="Rien à signaler.")
    SearchDocument.objects.filter(post=post).update(
        body="Il fait chaud. Le lac en été On s’y baigne.", summary_en="Summer A swim."
    )
    found = search_posts(["baigne"])
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    migrate([("search", "0009_fts_tag_keys")])
    migrate(latest)

    document = SearchDocument.objects.get(post=post)
    assert document.body == "Il fait chaud. Le lac en été. On s’y baigne."
    assert document.summary_en == "Summer. A swim."
    assert SearchDocument.objects.get(post=plain).body == "Rien à signaler."
    assert search_posts(["baigne"]) == found == [post.pk]
