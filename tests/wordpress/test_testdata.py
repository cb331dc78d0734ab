"""Importing real exports from other projects, when ../shared/testdata/wxr/ is there."""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError
from taggit.models import Tag

from blog.models import Post
from comments.models import Comment
from wordpress.models import ImportedBlog

# CARNET_SHARED points at the shared folder from a checkout that is not next to it (a worktree).
WXR = Path(os.environ.get("CARNET_SHARED", Path(settings.BASE_DIR).parent / "shared")) / "testdata" / "wxr"
MALFORMED = {
    "importer-malformed.xml": "line 90",
    "importer-malformed-simple.xml": "line 14",
    "importer-crazy-cdata.xml": "line 18",
    "importer-invalid-version-tag.xml": "“abc” is not a WXR version number",
    "importer-missing-version-tag.xml": "WXR version number (<wp:wxr_version>) is missing",
}
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not WXR.is_dir(), reason="no shared test data in this checkout"),
]


def well_formed():
    return sorted(p.name for p in WXR.glob("*.xml") if p.name not in MALFORMED) if WXR.is_dir() else []


@pytest.mark.parametrize("name", well_formed())
def test_well_formed_exports_import_completely_and_idempotently(run_import, name):
    """Every well-formed export imports; a second run creates nothing."""
    first = run_import(WXR / name)
    assert "Import finished." in first
    counts = (Post.objects.count(), Comment.objects.count(), Tag.objects.count())
    second = run_import(WXR / name)
    assert (Post.objects.count(), Comment.objects.count(), Tag.objects.count()) == counts
    assert " created" not in second.replace("created: without", "")


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_exports_fail_cleanly(run_import, name):
    """Broken exports stop with a message that says where, and store nothing."""
    if not (WXR / name).exists():
        pytest.skip(f"{name} is not in the shared test data")
    with pytest.raises(CommandError, match=re.escape(MALFORMED[name])):
        run_import(WXR / name)
    assert not Post.objects.exists()


def test_theme_unit_test_data_is_all_accounted_for(run_import):
    """The theme unit test data: 58 posts, 33 comments with their threads, every tag reference."""
    output = run_import(WXR / "themeunittestdata.wordpress.xml")
    assert "posts: 58 created" in output
    assert Post.objects.filter(wordpress_id__isnull=False).count() == 58
    assert "comments: 28 created, 5 skipped" in output  # 5 are on pages
    assert Comment.objects.filter(parent__isnull=False).count() == 9
    deepest = Comment.objects.get(wordpress_id=915)
    depth = 0
    while deepest.parent_id:
        deepest, depth = deepest.parent, depth + 1
    assert depth == 9
    assert Comment.objects.filter(kind="pingback").count() == 2
    assert Comment.objects.filter(kind="trackback").count() == 2
    assert Comment.objects.filter(status="pending").count() == 1
    many_tags = Post.objects.get(slug="edge-case-many-tags")
    assert many_tags.tags.count() == 46  # its 45 tags and 1 category (plus "Uncategorized", left out)
    assert "tags: 123 created, 11 skipped" in output
    assert Post.objects.get(slug="scheduled").is_scheduled
    assert "1 × scheduled in WordPress: published by itself on its date" in output
    assert "1 × “draft” in WordPress: imported as a draft" in output
    assert Post.objects.get(wordpress_id=1169).title == "Edge case no title"


def test_a_comment_written_in_html_keeps_its_words_apart(run_import, client):
    """The theme unit test's comment of every HTML element: its definition list and address read as lines."""
    run_import(WXR / "themeunittestdata.wordpress.xml")
    body = Comment.objects.get(body__contains="Definition List Title").body
    assert "Definition List Title\n\nDefinition list division.\n\nStartup" in body
    assert "United States\n\nAnchor Tag" in body


def test_paragraphs_set_centre_right_or_justified_keep_their_alignment(run_import, client):
    """The classic editor's `<p style="text-align:center;">` and the block editor's `has-text-align-right`."""
    run_import(WXR / "themeunittestdata.wordpress.xml")
    classic = client.get(Post.objects.get(slug="markup-text-alignment").get_absolute_url()).content.decode()
    for side in ("center", "right", "justify"):
        assert f'<p class="has-text-align-{side}">This is a paragraph.' in classic
    blocks = client.get(Post.objects.get(slug="block-category-common").get_absolute_url()).content.decode()
    assert '<p class="has-text-align-right"><em>This italic paragraph is right aligned.</em></p>' in blocks


def test_theme_unit_test_data_old_addresses(run_import, client):
    """Its nested categories and its gallery's attachment pages redirect to the tag and to the post."""
    output = run_import(WXR / "themeunittestdata.wordpress.xml")
    assert client.get("/category/parent/child-1/child-2/")["Location"] == "/tag/child-2/"
    assert client.get("/category/child-2/")["Location"] == "/tag/child-2/"
    gallery = "/2010/09/10/post-format-gallery/"
    assert client.get(f"{gallery}img_0747/")["Location"] == gallery
    assert "Attachment pages not carried over (their post or page was not imported) (2):" in output
    assert client.get("/about/clearing-floats/olympus-digital-camera/")["Location"] == "/about/clearing-floats/"
    assert "pages: 21 created" in output


def test_real_french_blog_keeps_its_videos_listings_and_galleries_reported(run_import):
    """alienlebarge: Flash and [youtube]/[dailymotion] become links, [code] listings, lost galleries listed."""
    output = run_import(WXR / "alienlebarge-wordpress.xml")
    bodies = " ".join(Post.objects.values_list("body", flat=True))
    for gone in ("<object", "<embed", "[youtube", "[dailymotion", "[code]", "[gallery"):
        assert gone not in bodies
    assert bodies.count('<p class="embed-link">') >= 131 + 59
    assert bodies.count('<pre><code class="language-') == 17
    assert "Posts that lost a gallery or player with nothing to show (54):" in output
    assert "[rire] D-3 — http://www.alienlebarge.ch/2008/10/15/d-3/" in output


def test_real_bilingual_blog_keeps_its_code_listings_and_splits_its_languages(run_import):
    """bloggure: listings keep their lines; each qTranslate language is a post; untranslated copies are listed."""
    output = run_import(WXR / "bloggure-wordpress.xml")
    assert "81 × language from qTranslate (one post per language)" in output
    assert "qTranslate versions that only copy another language (not made into posts) (17):" in output
    assert Post.objects.filter(translation_of__isnull=False).count() == 28
    assert not Post.objects.filter(title__contains="<!--:").exists()
    assert not Post.objects.filter(body__contains="<!--:").exists()
    bodies = " ".join(Post.objects.values_list("body", flat=True))
    assert bodies.count('<pre><code class="language-') == 15  # 27 in the export, 12 in qTranslate copies
    assert '<pre><code class="language-javascript">function getBase(n) {\n    var src_' in bodies
    assert "&amp;nbsp;" not in bodies and "[bash" not in bodies and "[code" not in bodies
    assert "https://gist.github.com/6397201" in bodies


def test_pictures_keep_the_place_wordpress_gave_them(run_import, client):
    """A picture set to the right (bloggure's `<img class="alignright …">`, alienlebarge's `[caption
    align="alignright"]`) stays to the right on its post's page; WordPress's other classes are left behind."""
    run_import(WXR / "bloggure-wordpress.xml")
    lion = client.get(Post.objects.get(title="First thoughts on OS X Lion").get_absolute_url()).content.decode()
    assert re.search(
        r'<img class="alignright" [^>]*src="http://www\.bloggure\.info/wp-content/uploads/2011/07/Lion-', lion
    )
    assert "wp-image-" not in lion and "size-full" not in lion
    Post.objects.all().delete()
    ImportedBlog.objects.all().delete()
    run_import(WXR / "alienlebarge-wordpress.xml")
    nabaztag = client.get(Post.objects.get(wordpress_id=925).get_absolute_url()).content.decode()
    figure = re.search(
        r'<figure class="alignright"><a [^>]*><img [^>]*violet-150x150\.png[^>]*></a>(.*?)</figure>', nabaztag
    )
    assert figure.group(1) == "<figcaption>L’interface du site</figcaption>"


def test_an_export_of_another_blog_is_refused_and_changes_nothing(run_import):
    """Two real blogs share WordPress ids: the second export would replace the first one's posts."""
    run_import(WXR / "alienlebarge-wordpress.xml")
    chat = Post.objects.get(title="La vie de chat")
    before = {
        "posts": sorted(Post.objects.values_list("pk", "title", "slug", "language")),
        "comments": sorted(Comment.objects.values_list("pk", "post_id", "body")),
    }
    with pytest.raises(CommandError) as refused:
        run_import(WXR / "themeunittestdata.wordpress.xml")
    assert "this export’s posts would replace those of http://www.alienlebarge.ch" in str(refused.value)
    assert "Nothing was imported." in str(refused.value)
    after = {
        "posts": sorted(Post.objects.values_list("pk", "title", "slug", "language")),
        "comments": sorted(Comment.objects.values_list("pk", "post_id", "body")),
    }
    assert after == before
    assert Post.objects.get(pk=chat.pk).title == "La vie de chat"
    assert "Import finished." in run_import(WXR / "alienlebarge-wordpress.xml")  # the same blog still imports


def test_the_same_blog_over_https_or_at_a_new_address_once_its_record_is_deleted(run_import, tmp_path):
    """The blog's address is compared without scheme or www; a moved blog goes through once the admin forgets it."""
    export = (WXR / "alienlebarge-wordpress.xml").read_text()
    run_import(WXR / "alienlebarge-wordpress.xml")
    https = tmp_path / "https.xml"
    https.write_text(export.replace("<wp:base_blog_url>http://www.", "<wp:base_blog_url>https://"))
    assert "Import finished." in run_import(https)
    moved = tmp_path / "moved.xml"
    moved.write_text(export.replace("<wp:base_blog_url>http://www.alienlebarge.ch", "<wp:base_blog_url>https://a.ch"))
    with pytest.raises(CommandError, match="delete https://alienlebarge.ch under “Imported blogs”"):
        run_import(moved)
    ImportedBlog.objects.all().delete()
    assert "Import finished." in run_import(moved)
    assert list(ImportedBlog.objects.values_list("url", flat=True)) == ["https://a.ch"]


def test_imported_posts_are_dated_as_wordpress_last_changed_them_not_as_moving_day(run_import, client):
    """A feed reader is not told the whole archive changed on the day of the move."""
    run_import(WXR / "polylang-bilingual.xml")
    post = Post.objects.get(wordpress_id=398)
    assert post.updated_at.isoformat() == "2016-01-30T17:03:16+00:00"
    atom = client.get("/feed/atom/").content.decode()
    essai = atom[atom.index("<title>Essai</title>") :]
    assert essai.index("<updated>2016-01-30T17:03:37+00:00</updated>") < essai.index("</entry>")


def test_an_imported_comment_is_in_the_language_its_words_tell(run_import, client):
    """La Globule wrote in French on an English post: her comment is marked French, and spaced the French way."""
    run_import(WXR / "bloggure-wordpress.xml")
    globule = Comment.objects.get(author_name="La Globule")
    assert (globule.post.language, globule.language) == ("en", "fr")
    html = client.get(globule.post.get_absolute_url()).content.decode()
    assert '<div class="comment-body" lang="fr"><p>Je suis résolument CONTRE' in html
    languages = dict(Comment.objects.filter(post=globule.post).values_list("author_name", "language"))
    assert (languages["Youhouhou"], languages["Christopher"], languages["Pancake345"]) == ("fr", "en", "en")


def test_a_qtranslate_link_to_a_language_leads_to_that_version(run_import, client):
    """bloggure's "my french version … here" links to /?p=543&lang=fr: the French post, not the English one."""
    run_import(WXR / "bloggure-wordpress.xml")
    assert client.get("/?p=543&lang=fr")["Location"] == "/2012/04/24/devoxx-france-fr/"
    assert client.get("/?p=543&lang=en")["Location"] == "/2012/04/24/devoxx-france/"
    assert client.get("/?p=543")["Location"] == "/2012/04/24/devoxx-france/"
    # qTranslate's switcher in query mode: the permalink with ?lang=fr.
    assert client.get("/work/devoxx-france.html?lang=fr")["Location"] == "/2012/04/24/devoxx-france-fr/"
    assert client.get("/work/devoxx-france.html")["Location"] == "/2012/04/24/devoxx-france/"


def test_an_imported_author_gets_e_mails_in_the_blog_s_language(run_import):
    """pelican's export says <language>en</language>: its author's e-mails are in English."""
    run_import(WXR / "pelican-wordpressexport.xml")
    assert set(get_user_model().objects.values_list("preferred_language", flat=True)) == {"en"}


def test_an_item_listed_twice_is_named_in_the_report(run_import):
    """pelican's export gives id 176 to two items: the report says which one was left out."""
    output = run_import(WXR / "pelican-wordpressexport.xml")
    assert (
        "WordPress id 176 appears twice in the export: the second, “Caption on image” (publish), is left out" in output
    )


def test_polylang_translations_are_linked_both_ways(run_import, client):
    """Polylang groups "Test" (en) and "Essai" (fr): each page links to the other, and a second import keeps it."""
    output = run_import(WXR / "polylang-bilingual.xml")
    assert "linked to the post it translates (Polylang)" in output
    english, french = Post.objects.get(wordpress_id=398), Post.objects.get(wordpress_id=400)
    assert (english.language, french.language, french.translation_of) == ("en", "fr", english)
    assert (
        f'hreflang="fr" href="http://testserver{french.get_absolute_url()}"'
        in client.get(english.get_absolute_url()).content.decode()
    )
    assert english.get_absolute_url() in client.get(french.get_absolute_url()).content.decode()
    run_import(WXR / "polylang-bilingual.xml")
    assert Post.objects.get(pk=french.pk).translation_of == english


def test_polylang_language_folders_lead_to_the_language_pages(run_import, client):
    """Polylang put French under /wordpress/test-import/fr/: that folder, its feed and its categories still lead
    somewhere, and so do the folder blog's date archives and `?feed=rss2`."""
    run_import(WXR / "polylang-bilingual.xml")
    base = "/wordpress/test-import/"
    assert client.get(f"{base}fr/")["Location"] == "/language/fr/"
    assert client.get(f"{base}fr/feed/")["Location"] == "/language/fr/feed/"
    assert client.get(f"{base}fr/category/essai/")["Location"] == client.get(f"{base}category/essai/")["Location"]
    assert client.get(f"{base}2016/01/")["Location"] == "/2016/01/"
    assert client.get(f"{base}?feed=rss2")["Location"] == "/feed/"
