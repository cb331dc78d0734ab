"""Exports as found in the wild: wrong encodings, undeclared prefixes, entities, default categories, clocks."""

import pytest
from django.core.management import execute_from_command_line
from taggit.models import Tag

from blog.models import Post
from comments.models import Comment

pytestmark = pytest.mark.django_db

NAMESPACES = (
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:wp="http://wordpress.org/export/1.2/"'
)


def export(tmp_path, encoding="UTF-8", namespaces=NAMESPACES, channel="", item="", title="L’économie", raw=None):
    text = f"""<?xml version="1.0" encoding="{encoding}"?>
<rss version="2.0" {namespaces}>
<channel>
<title>Un blog</title>
{channel}
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_blog_url>https://old.example.org</wp:base_blog_url>
<item>
<title>{title}</title>
<link>https://old.example.org/2014/01/01/economie/</link>
<dc:creator>anne</dc:creator>
<content:encoded><![CDATA[Le texte de l’article, à propos d’économie.]]></content:encoded>
<wp:post_id>7</wp:post_id>
<wp:post_date>2014-01-01 00:30:00</wp:post_date>
<wp:post_date_gmt>2013-12-31 23:30:00</wp:post_date_gmt>
<wp:post_name>economie</wp:post_name>
<wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type>
{item}
</item>
</channel>
</rss>
"""
    path = tmp_path / "export.xml"
    path.write_bytes(raw(text) if raw else text.encode("utf-8"))
    return path


def test_undeclared_atom_prefix_is_declared_and_reported(run_import, tmp_path):
    """Older wordpress.com exports use atom: without declaring it: the file imports, the report says so."""
    channel = '<atom:link rel="search" type="application/opensearchdescription+xml" href="https://x.example/osd.xml"/>'
    output = run_import(export(tmp_path, channel=channel))
    assert Post.objects.get(wordpress_id=7).title == "L’économie"
    assert "Reading the file (1):\n    The file uses the prefix “atom:” without declaring it: declared." in output


def test_utf8_declared_as_latin1_is_read_as_utf8(run_import, tmp_path):
    """A file declared ISO-8859-1 whose bytes are UTF-8 is read as UTF-8, with a report line."""
    output = run_import(export(tmp_path, encoding="ISO-8859-1"))
    assert Post.objects.get(wordpress_id=7).title == "L’économie"
    assert "says it is written in ISO-8859-1, but its bytes are UTF-8: it was read as UTF-8." in output


def test_a_true_latin1_file_is_read_in_its_encoding(run_import, tmp_path):
    """A Windows-1252 file (curly apostrophe included) keeps its accents."""
    run_import(export(tmp_path, encoding="windows-1252", raw=lambda text: text.encode("cp1252")))
    post = Post.objects.get(wordpress_id=7)
    assert (post.title, "à propos d’économie" in post.body) == ("L’économie", True)


@pytest.mark.django_db(transaction=True)  # a failing command closes the connection, as manage.py does
def test_unknown_encoding_is_one_clear_message_and_nothing_is_stored(tmp_path, capsys):
    """An encoding name nobody knows: one sentence, exit status 1, no traceback, no post."""
    path = export(tmp_path, encoding="klingon-8")
    with pytest.raises(SystemExit) as exit_status:
        execute_from_command_line(["manage.py", "import_wordpress", str(path)])
    assert exit_status.value.code == 1
    error = capsys.readouterr().err
    assert "written in the “klingon-8” encoding, which is unknown. Nothing was imported." in error
    assert "Traceback" not in error
    assert not Post.objects.exists()


def test_entities_in_names_are_decoded(run_import, tmp_path):
    """A pingback's or commenter's name shows "à", not "&agrave;"."""
    comment = """<wp:comment><wp:comment_id>3</wp:comment_id>
<wp:comment_author><![CDATA[Chez Zo&eacute; &raquo; Blog &agrave; part]]></wp:comment_author>
<wp:comment_date_gmt>2014-01-02 10:00:00</wp:comment_date_gmt>
<wp:comment_content><![CDATA[Bien vu.]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>
<wp:comment_type>pingback</wp:comment_type></wp:comment>"""
    run_import(export(tmp_path, item=comment))
    assert Comment.objects.get().author_name == "Chez Zoé » Blog à part"


@pytest.mark.parametrize(
    ("channel", "category"),
    [
        ("", '<category domain="category" nicename="non-classe"><![CDATA[Non classé]]></category>'),
        (
            "<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>general</wp:category_nicename>"
            "<wp:cat_name>Général</wp:cat_name></wp:category>"
            "<wp:category><wp:term_id>9</wp:term_id><wp:category_nicename>voyages</wp:category_nicename>"
            "<wp:cat_name>Voyages</wp:cat_name></wp:category>",
            '<category domain="category" nicename="general"><![CDATA[Général]]></category>',
        ),
    ],
)
def test_default_category_is_skipped_in_any_language(run_import, tmp_path, channel, category):
    """« Non classé », or the category with the lowest id, does not become a tag."""
    item = f'{category}<category domain="category" nicename="voyages"><![CDATA[Voyages]]></category>'
    output = run_import(export(tmp_path, channel=channel, item=item))
    assert list(Tag.objects.values_list("name", flat=True)) == ["Voyages"]
    assert "WordPress's default category" in output


def test_old_addresses_shadowed_by_carnet_pages_are_listed(run_import, tmp_path):
    """A post whose old address was /search/ cannot redirect from there: the report says so."""
    channel = (
        "<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>uncategorized</wp:category_nicename>"
        "<wp:cat_name>Uncategorized</wp:cat_name></wp:category>"
    )
    path = export(tmp_path, channel=channel)
    path.write_text(path.read_text().replace("/2014/01/01/economie/", "/search/"))
    output = run_import(path)
    assert "Old addresses that Carnet's own pages answer: they cannot redirect (1):\n    /search/\n" in output


def test_summary_says_when_time_zone_moves_a_permalink_day(run_import, tmp_path, settings):
    """Written at 00:30 in UTC+1, read in UTC: the summary gives the old clock and the post that moves."""
    settings.TIME_ZONE = "UTC"
    output = run_import(export(tmp_path))
    assert "The old blog's clock: UTC+01:00 (1 post)." in output
    assert "1 post gets a permalink on another day than on the old blog, because TIME_ZONE is UTC" in output
    settings.TIME_ZONE = "Europe/Paris"
    Post.objects.all().delete()
    assert "TIME_ZONE (Europe/Paris) keeps every permalink on the old blog's day." in run_import(export(tmp_path))
