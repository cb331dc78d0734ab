"""PostgreSQL keeps each post's search vector in its row (search migration 0006): a search reads the vectors of up
to SEARCH_RANKED_MATCHES posts, and each vector stored apart, in the TOAST table, cost a read there."""

import random

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from search.models import SearchDocument
from search.queries import search_posts
from tests.factories import PostFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the vector is PostgreSQL's"),
]

TABLE = SearchDocument._meta.db_table


def a_post_of_many_words():
    """A post whose vector and body, together, are too long for a row: one of them is stored apart."""
    draw = random.Random(2006)
    words = ["".join(draw.choices("abcdefghijklmnopqrstuvwxyz", k=7)) for _ in range(100)]
    return PostFactory(title="Lexique", body=" ".join(draw.choices(words, k=300)) + " lexique")


def stored_apart(post):
    """The bytes of `post`'s document in the TOAST table, and the stored sizes of its body and vector."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT reltoastrelid::regclass FROM pg_class WHERE oid = '{TABLE}'::regclass")  # noqa: S608
        (toast,) = cursor.fetchone()
        cursor.execute(f"SELECT COALESCE(SUM(octet_length(chunk_data)), 0) FROM {toast}")  # noqa: S608
        (apart,) = cursor.fetchone()
        cursor.execute(
            f"SELECT pg_column_size(body), pg_column_size(vector) FROM {TABLE} WHERE post_id = %s",  # noqa: S608
            [post.pk],
        )
        return apart, *cursor.fetchone()


def test_a_long_posts_vector_stays_in_its_row_and_its_body_goes_apart():
    post = a_post_of_many_words()
    apart, body, vector = stored_apart(post)
    assert vector > 1000 and apart == body
    assert search_posts(["lexique"]) == [post.pk]


@pytest.mark.django_db(transaction=True)
def test_vectors_written_before_move_into_their_rows_and_back():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate([("search", "0005_fts_keyed_by_date")])
    post = a_post_of_many_words()
    apart, body, vector = stored_apart(post)
    assert apart == vector, (apart, body, vector)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(latest)
    apart, body, vector = stored_apart(post)
    assert apart == body
    assert search_posts(["lexique"]) == [post.pk]
