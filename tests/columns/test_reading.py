import datetime
import re

import pytest
from django.utils import timezone

from columns.models import OriginalStatus
from tests.factories import PostFactory

from .factories import ColumnFactory, PublicationFactory, RepublicationFactory

pytestmark = pytest.mark.django_db


def canonical_links(html):
    return re.findall(r'<link rel="canonical" href="([^"]*)">', html)


def notice(html):
    """The republication notice's text and links, spaces collapsed, the date of first publication as DATE."""
    inner = re.search(r'<aside class="republication-notice"[^>]*>(.*?)</aside>', html, re.S).group(1)
    text = " ".join(re.sub(r"</?p[^>]*>", " ", inner).split())
    return re.sub(r"(on|le) (?:(?:1er|\d+) \S+ \d{4}|\S+ \d+, \d{4})", r"\1 DATE", text)


def test_french_post_shows_the_notice_in_french_with_a_link_to_the_original(client):
    """A French piece carries the French notice linking the original, even for an English reader."""
    piece = RepublicationFactory(post__language="fr", original_url="https://www.lesquotidiennes.example/a")
    html = client.get(piece.post.get_absolute_url()).content.decode()
    assert notice(html) == (
        "Chroniques du monde connecté Paru d’abord dans Les Quotidiennes le DATE. "
        '<a href="https://www.lesquotidiennes.example/a">Lire l’original</a>'
    )


def test_english_post_shows_the_notice_in_english(french_client):
    """An English piece reads "… first published in Les Quotidiennes (see the original).", even to a French reader."""
    piece = RepublicationFactory(post__language="en", original_url="https://www.lesquotidiennes.example/b")
    html = french_client.get(piece.post.get_absolute_url()).content.decode()
    assert notice(html) == (
        "Chroniques du monde connecté First published in Les Quotidiennes on DATE. "
        '<a href="https://www.lesquotidiennes.example/b">See the original</a>'
    )


def test_french_names_of_a_column_keep_their_french_spacing_wherever_they_show(french_client):
    """« guillemets » and a colon keep their narrow no-break spaces: no « left alone at the end of a line."""
    publication = PublicationFactory(name="L’Hebdo « Numérique »", slug="l-hebdo")
    description = {"fr": "Pour « L’Hebdo » : lisez !"}
    column = ColumnFactory(publication=publication, name="Chroniques : l’été", slug="l-ete", description=description)
    piece = RepublicationFactory(column=column, post__language="fr")
    spaced = ["L’Hebdo «\u202fNumérique\u202f»", "Chroniques\u202f: l’été"]
    pages = [piece.post.get_absolute_url(), "/columns/", column.get_absolute_url()]
    for html in (french_client.get(path).content.decode() for path in pages):
        assert all(name in html for name in spaced)
        assert "« Numérique »" not in html.split("</head>")[1]
    for path in pages[1:]:
        assert "Pour «\u202fL’Hebdo\u202f»\u202f: lisez\u202f!" in french_client.get(path).content.decode()


def test_online_original_is_the_canonical_address(client):
    """While the original is online, the blog copy points search engines to it."""
    piece = RepublicationFactory(original_status=OriginalStatus.ONLINE, original_url="https://mag.example/x")
    html = client.get(piece.post.get_absolute_url()).content.decode()
    assert canonical_links(html) == ["https://mag.example/x"]


def test_moved_original_is_linked_and_canonical_at_its_new_address(client):
    """Once the original has moved, the notice and the canonical link use its new address."""
    piece = RepublicationFactory(
        original_status=OriginalStatus.MOVED,
        original_url="https://mag.example/old",
        moved_to_url="https://mag.example/new",
    )
    html = client.get(piece.post.get_absolute_url()).content.decode()
    assert canonical_links(html) == ["https://mag.example/new"]
    assert 'href="https://mag.example/new"' in notice(html)
    assert "mag.example/old" not in html


def test_gone_original_with_an_archive_links_the_archive_and_the_blog_copy_is_canonical(client):
    """When the original is gone, the notice links the archived copy and the canonical is the blog copy."""
    piece = RepublicationFactory(
        post__language="en",
        original_status=OriginalStatus.GONE,
        original_url="https://mag.example/gone",
        archive_url="https://web.archive.org/web/2011/https://mag.example/gone",
    )
    html = client.get(piece.post.get_absolute_url()).content.decode()
    assert canonical_links(html) == [f"http://testserver{piece.post.get_absolute_url()}"]
    assert notice(html) == (
        "Chroniques du monde connecté First published in Les Quotidiennes on DATE. The original is no longer online. "
        '<a href="https://web.archive.org/web/2011/https://mag.example/gone">See an archived copy</a>'
    )
    assert 'href="https://mag.example/gone"' not in html


def test_gone_original_without_an_archive_says_so(client):
    """When the original is gone and nothing archived it, the French notice says it is no longer online."""
    piece = RepublicationFactory(original_status=OriginalStatus.GONE)
    html = client.get(piece.post.get_absolute_url()).content.decode()
    assert notice(html) == (
        "Chroniques du monde connecté Paru d’abord dans Les Quotidiennes le DATE. L’original n’est plus en ligne."
    )
    assert "<a" not in notice(html)


def test_ordinary_post_has_no_notice_and_is_its_own_canonical(client):
    """A post that is not a column has no notice and a canonical link to itself."""
    post = PostFactory()
    html = client.get(post.get_absolute_url()).content.decode()
    assert "republication-notice" not in html
    assert canonical_links(html) == [f"http://testserver{post.get_absolute_url()}"]


def test_column_description_serves_as_summary_in_the_other_language(client):
    """A French piece without an English summary shows the column's English description on its page;
    lists show a compact column line instead, so a list of pieces does not repeat the same paragraph."""
    piece = RepublicationFactory(post__language="fr")
    html = client.get(piece.post.get_absolute_url()).content.decode()
    assert re.search(
        r'<div class="summary" lang="en"><span class="summary-label">In English:</span> <p>I write a weekly column '
        r"for Les Quotidiennes, which I republish here for safekeeping.</p></div>",
        html,
    )
    assert "J'écris une chronique" not in html  # the post's own language never borrows
    home = client.get("/").content.decode()
    assert "I write a weekly column" not in home
    line = re.search(r'<p class="column-line" lang="fr">(.*?)</p>', home, re.S).group(1)
    assert " ".join(line.split()).startswith("Chroniques du monde connecté · paru d’abord dans Les Quotidiennes, le ")


def test_column_description_serves_as_summary_in_feeds(client, django_assert_num_queries):
    """A feed entry carries every summary, the one a column lends included (lists leave it out), marked with its
    language; in the same number of queries for two pieces as for one."""
    piece = RepublicationFactory(post__language="fr")
    client.get("/feed/")
    with django_assert_num_queries(2) as one:  # the posts (their ids in a subquery), the column descriptions
        feed = client.get("/feed/").content.decode()
    assert "[en] I write a weekly column for Les Quotidiennes" in feed
    RepublicationFactory(post__language="fr", column=piece.column)
    with django_assert_num_queries(len(one.captured_queries)):
        assert client.get("/feed/").content.decode().count("[en] I write a weekly column") == 2


def test_post_summary_wins_over_the_column_description(client):
    """A piece with its own English summary shows that summary, not the column's description."""
    piece = RepublicationFactory(post=PostFactory(summary={"en": "My own summary."}))
    html = client.get(piece.post.get_absolute_url()).content.decode()
    assert "My own summary." in html
    assert "I write a weekly column" not in html


def test_columns_page_lists_publications_and_their_columns(client):
    """/columns/ names each publication and links each of its columns, with its number of pieces."""
    RepublicationFactory.create_batch(2)
    ColumnFactory(name="Billets d'humeur", slug="billets", publication=PublicationFactory(), description={})
    PublicationFactory(name="Le Temps", slug="le-temps")
    html = client.get("/columns/").content.decode()
    assert '<a href="https://www.lesquotidiennes.example/">Les Quotidiennes</a>' in html
    assert '<a href="/columns/chroniques-du-monde-connecte/">Chroniques du monde connecté</a>' in html
    assert "(2 pieces)" in html
    assert '<a href="/columns/billets/">Billets d’humeur</a>' in html
    assert "(0 pieces)" in html
    assert "Le Temps" in html
    assert html.count('class="piece"') == 2  # each piece (up to five a column), with its original
    assert html.count('class="original"') == 2


def test_columns_page_shows_the_newest_pieces_of_a_long_column_and_leads_to_the_rest(client, french_client):
    """A weekly column runs to hundreds of pieces: /columns/ shows its five newest, then "See all 7 pieces"."""
    now = timezone.now()
    for day in range(7):
        RepublicationFactory(post__title=f"Piece {day}", post__published_at=now - datetime.timedelta(days=day + 1))
    html = client.get("/columns/").content.decode()
    assert re.findall(r">(Piece \d)</a></h4>", html) == ["Piece 0", "Piece 1", "Piece 2", "Piece 3", "Piece 4"]
    assert '<a href="/columns/chroniques-du-monde-connecte/">See all 7 pieces</a>' in html
    french = french_client.get("/columns/").content.decode()
    assert '<a href="/columns/chroniques-du-monde-connecte/">Voir les 7 chroniques</a>' in french
    column_page = client.get("/columns/chroniques-du-monde-connecte/").content.decode()
    assert column_page.count('class="piece"') == 7


def test_column_page_lists_pieces_newest_first_with_blog_copy_original_and_date(client):
    """/columns/<slug>/ lists each piece, newest original first, with its blog copy, original link and date."""
    now = timezone.now()
    older = RepublicationFactory(
        post__title="Lisez le Cluetrain Manifesto",
        post__published_at=now - datetime.timedelta(days=30),
        originally_published_on=datetime.date(2011, 3, 4),
        original_url="https://mag.example/cluetrain",
    )
    newer = RepublicationFactory(
        post__title="Parler comme un être humain",
        post__published_at=now - datetime.timedelta(days=20),
        originally_published_on=datetime.date(2011, 4, 8),
        original_url="https://mag.example/parler",
    )
    RepublicationFactory(post__status="draft", post__title="Brouillon secret")
    html = client.get("/columns/chroniques-du-monde-connecte/").content.decode()
    assert html.index("Parler comme un être humain") < html.index("Lisez le Cluetrain Manifesto")
    assert f'<a href="{newer.post.get_absolute_url()}">Parler comme un être humain</a>' in html
    assert f'<a href="{older.post.get_absolute_url()}">Lisez le Cluetrain Manifesto</a>' in html
    assert 'href="https://mag.example/parler"' in html
    assert "Première publication le 8 avril 2011" in html  # the date in the piece's language
    assert "Brouillon secret" not in html


def test_column_page_links_its_feeds(client):
    """A column's page announces the column's RSS and Atom feeds to feed readers."""
    RepublicationFactory()
    html = client.get("/columns/chroniques-du-monde-connecte/").content.decode()
    assert 'type="application/rss+xml" title="Carnet — Chroniques du monde connecté (RSS)"' in html
    assert 'href="/columns/chroniques-du-monde-connecte/feed/atom/"' in html


def test_column_page_is_paginated(client, settings):
    """The 21st piece goes to page 2; an unknown column is a 404."""
    RepublicationFactory.create_batch(21)
    first = client.get("/columns/chroniques-du-monde-connecte/").content.decode()
    second = client.get("/columns/chroniques-du-monde-connecte/?page=2").content.decode()
    assert first.count('class="piece"') == 20
    assert second.count('class="piece"') == 1
    assert 'rel="next" href="?page=2"' in first
    assert client.get("/columns/nope/").status_code == 404


def test_navigation_links_to_the_columns(client):
    """Every page's main navigation has a "Columns" link."""
    html = client.get("/").content.decode()
    assert '<a href="/columns/">Columns</a>' in html


def test_typed_names_and_urls_cannot_become_script(client):
    """A column name and a URL with markup are shown as text on the post and column pages."""
    column = ColumnFactory(
        name='<script>alert("c")</script>', slug="evil", description={"en": "<img src=x onerror=alert(1)>"}
    )
    piece = RepublicationFactory(column=column, original_url='https://mag.example/"><script>alert(1)</script>')
    for url in (piece.post.get_absolute_url(), "/columns/evil/", "/columns/"):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html, url


@pytest.mark.parametrize("count", [2, 20])
def test_column_page_query_count_is_locked(client, django_assert_num_queries, count):
    """/columns/<slug>/ runs 4 queries whether the column has 2 or 20 pieces."""
    RepublicationFactory.create_batch(count, post__tags=["internet", "relations"])
    with django_assert_num_queries(5):  # + the pages of the menu
        assert client.get("/columns/chroniques-du-monde-connecte/").status_code == 200


@pytest.mark.parametrize("count", [2, 20])
def test_columns_index_query_count_is_locked(client, django_assert_num_queries, count):
    """/columns/ runs 4 queries whatever the number of columns and pieces."""
    for n in range(count):
        ColumnFactory(
            name=f"Column {n}", slug=f"column-{n}", publication=PublicationFactory(name=f"P{n}", slug=f"p{n}")
        )
    RepublicationFactory.create_batch(count)
    with django_assert_num_queries(5):  # + the pages of the menu
        html = client.get("/columns/").content.decode()
    assert html.count('class="piece"') == min(count, 5)


@pytest.mark.parametrize("count", [2, 20])
def test_republished_post_query_count_is_locked(client, django_assert_num_queries, count):
    """A republished post page runs 6 queries with 2 or 20 pieces in its column.

    The post with its tags (and their counts), summaries and linked translation, its column descriptions, comments,
    the pages of the menu, and the similar posts (two: see blog.models.similar; their column line needs no
    description).
    """
    pieces = RepublicationFactory.create_batch(
        count, post__tags=["internet", "relations"], post__summary={"fr": "Résumé."}
    )
    with django_assert_num_queries(6):
        assert client.get(pieces[0].post.get_absolute_url()).status_code == 200


def test_similar_republished_post_shows_a_column_line(client):
    """Under a post, a similar republished column shows a compact column line, not the column's description."""
    post = PostFactory(tags=["internet"])
    RepublicationFactory(post__title="Une chronique", post__tags=["internet"])
    similar = client.get(post.get_absolute_url()).content.decode().split("similar-posts", 1)[1]
    assert "Une chronique" in similar
    assert "I write a weekly column for Les Quotidiennes" not in similar
    assert 'class="column-line"' in similar and "paru d’abord dans Les Quotidiennes" in similar


def test_a_french_piece_is_listed_with_french_spacing(client):
    """On /columns/ and the column's page, « Parler : pourquoi ? » keeps its no-break spaces, title and original."""
    piece = RepublicationFactory(post=PostFactory(title="Parler : pourquoi ?"), original_title="Parler : pourquoi ?")
    for url in ("/columns/", piece.column.get_absolute_url()):
        html = client.get(url).content.decode()
        assert ">Parler\u202f: pourquoi\u202f?</a></h" in html
        assert "<cite>Parler\u202f: pourquoi\u202f?</cite>" in html
