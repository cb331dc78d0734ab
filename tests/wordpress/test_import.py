import pytest
from django.core.management import CommandError, execute_from_command_line
from taggit.models import Tag

from accounts.models import User
from blog.models import Post, PostStatus
from columns.models import Column, Publication, Republication
from comments.models import Comment, CommentKind, CommentStatus
from tests.factories import PostFactory, UserFactory
from wordpress.models import Redirect

from .conftest import FIXTURES

BLOG = FIXTURES / "blog.xml"
pytestmark = pytest.mark.django_db


def test_an_existing_account_of_the_same_login_is_named_in_the_report(run_import):
    """Carnet already has a "steph": her posts go to that account, and the report says so by name."""
    steph = UserFactory(username="steph")
    output = run_import(BLOG, "--verbosity", "2")
    assert "the posts of WordPress's “steph” go to the Carnet account of that name" in output
    assert Post.objects.filter(author=steph).exists()
    assert not User.objects.filter(username__startswith="steph").exclude(pk=steph.pk).exists()


def test_posts_keep_title_slug_date_status_and_comment_setting(run_import):
    """Each WordPress post becomes a post with its title, slug, GMT date, status and comment setting."""
    run_import(BLOG)
    post = Post.objects.get(wordpress_id=101)
    assert (post.title, post.slug, post.status, post.allow_comments) == (
        "Internet, espace de vie",
        "internet-espace-de-vie",
        PostStatus.PUBLISHED,
        True,
    )
    assert post.published_at.isoformat() == "2016-03-04T09:30:00+00:00"
    assert post.markup == "html"
    scheduled = Post.objects.get(wordpress_id=103)
    assert scheduled.is_scheduled
    draft = Post.objects.get(wordpress_id=102)
    assert (draft.status, draft.allow_comments, draft.slug) == (
        PostStatus.DRAFT,
        False,
        "personal-social-and-the-shortcuts",
    )
    # post_date_gmt 0000-00-00: no date yet (its local date is its last change); publishing dates it.
    assert draft.published_at is None
    assert Post.objects.get(wordpress_id=105).status == PostStatus.DRAFT  # private
    assert Post.objects.get(wordpress_id=106).status == PostStatus.DRAFT  # password-protected


def test_body_gets_paragraphs_keeps_the_more_cut_and_loses_scripts(run_import):
    """WordPress text becomes paragraphs; `<!--more-->` cuts the excerpt; no script survives."""
    run_import(BLOG)
    post = Post.objects.get(wordpress_id=101)
    assert "<p>Premier paragraphe" in post.body_html
    assert "<br>\net un saut de ligne.</p>" in post.body_html
    assert "Après la coupure" in post.body_html
    assert "Après la coupure" not in post.excerpt_html
    assert "Deuxième paragraphe" in post.excerpt_html
    assert "<script" not in post.body and "alert" not in post.body_html


def test_gutenberg_block_comments_are_removed(run_import):
    """Block-editor comments leave the body; its `<!--more-->` still cuts the excerpt."""
    run_import(BLOG)
    post = Post.objects.get(wordpress_id=102)
    assert "wp:paragraph" not in post.body
    assert post.excerpt_html.strip() == "<p>I wonder about all these features.</p>"


def test_languages_and_summaries_from_every_sign(run_import):
    """Basic Bilingual (old and new meta), Polylang, and [fr]/[en] markers give language and summaries."""
    output = run_import(BLOG)
    old_meta = Post.objects.get(wordpress_id=101)
    assert old_meta.language == "fr"
    assert old_meta.summaries() == [("en", "About the profound humanness of the internet.")]
    new_meta = Post.objects.get(wordpress_id=102)
    assert new_meta.language == "en"
    assert new_meta.summaries() == [("fr", "Un résumé en français, écrit à part.")]
    assert Post.objects.get(wordpress_id=103).language == "en"
    markers = Post.objects.get(wordpress_id=104)
    assert (markers.language, markers.title) == ("fr", "L’entreprise sans voix")
    assert dict(markers.summaries())["en"].startswith("I write a weekly column")
    assert dict(markers.summaries())["fr"] == "Une chronique hebdomadaire."
    assert "[en]" not in markers.body and "[fr]" not in markers.body
    assert Post.objects.get(wordpress_id=105).language == "fr"
    assert "given the export's or the default language (2):\n    Hello\n    Secret\n" in output
    assert "2 × language of the export (<language>): text too short or unclear" in output


def test_default_language_comes_from_the_setting(run_import, settings, tmp_path):
    """A short post with no sign of its language, in an export without <language>, gets WORDPRESS_DEFAULT_LANGUAGE."""
    settings.WORDPRESS_DEFAULT_LANGUAGE = "en"
    export = tmp_path / "blog.xml"
    export.write_text(BLOG.read_text().replace("<language>fr-FR</language>", ""))
    output = run_import(export)
    assert Post.objects.get(wordpress_id=105).language == "en"
    assert "2 × default language (WORDPRESS_DEFAULT_LANGUAGE): no sign at all" in output


def test_column_notice_becomes_a_republication(run_import):
    """The "initialement publié dans" notice links the post to its column and leaves the body."""
    run_import(BLOG)
    republication = Republication.objects.select_related("column__publication").get()
    assert republication.post.wordpress_id == 104
    assert republication.original_url == "https://www.lesquotidiennes.com/entreprise-sans-voix"
    assert republication.column.name == "Chroniques du monde connecté"
    assert republication.column.publication.name == "Les Quotidiennes"
    assert str(republication.originally_published_on) == "2012-05-10"
    assert "initialement" not in republication.post.body
    assert republication.post.body_html == "<p>Les entreprises n'ont pas de voix.</p>"


def test_existing_column_is_reused(run_import):
    """A column already in Carnet receives the republication instead of a duplicate."""
    publication = Publication.objects.create(name="Les Quotidiennes", slug="lq")
    column = Column.objects.create(publication=publication, name="Chroniques du monde connecté", slug="cmc")
    run_import(BLOG)
    assert Republication.objects.get().column == column
    assert Column.objects.count() == 1


def test_tags_and_categories_become_tags(run_import):
    """Tags and categories are tags; WordPress's "Uncategorized" is left out and reported."""
    output = run_import(BLOG)
    post = Post.objects.get(wordpress_id=101)
    assert set(post.tags.names()) == {"humain", "internet", "Réflexions"}
    assert not Tag.objects.filter(name__iexact="uncategorized").exists()
    assert "tags: 4 created, 1 skipped" in output


def test_escaped_term_names_become_plain_text(run_import, tmp_path):
    """WordPress keeps "Livres &amp; lectures" escaped; the tag reads "Livres & lectures"."""
    export = tmp_path / "escaped.xml"
    export.write_text(
        BLOG.read_text().replace(
            '<category domain="category" nicename="reflexions"><![CDATA[Réflexions]]></category>',
            '<category domain="category" nicename="livres"><![CDATA[Livres &amp; lectures]]></category>',
            1,
        )
    )
    run_import(export)
    assert "Livres & lectures" in Post.objects.get(wordpress_id=101).tags.names()


def test_authors_are_created_without_usable_password(run_import):
    """Authors are created from the export's author list and cannot log in until given a password."""
    run_import(BLOG)
    steph = User.objects.get(username="steph")
    assert (steph.email, steph.display_name) == ("steph@example.org", "Stephanie B.")
    assert not steph.has_usable_password()
    assert Post.objects.get(wordpress_id=101).author == steph
    assert not User.objects.get(username="guest").has_usable_password()


def test_author_option_gives_every_post_to_one_user(run_import):
    """--author USERNAME assigns all posts to that existing user and creates no other."""
    me = UserFactory(username="me")
    run_import(BLOG, "--author", "me")
    assert set(Post.objects.values_list("author", flat=True)) == {me.pk}
    assert not User.objects.filter(username="guest").exists()


def test_unknown_author_option_is_refused(run_import):
    """--author naming nobody stops before importing anything."""
    with pytest.raises(CommandError, match="There is no user “ghost”"):
        run_import(BLOG, "--author", "ghost")
    assert not Post.objects.exists()


def test_comments_keep_status_kind_thread_and_commenter(run_import):
    """Comments keep their status, kind (pingback, trackback), thread, commenter and date."""
    run_import(BLOG)
    comments = {c.wordpress_id: c for c in Comment.objects.all()}
    assert {i: c.status for i, c in comments.items()} == {
        1001: CommentStatus.APPROVED,
        1002: CommentStatus.APPROVED,
        1003: CommentStatus.PENDING,
        1004: CommentStatus.SPAM,
        1005: CommentStatus.REMOVED,
        1006: CommentStatus.APPROVED,
        1007: CommentStatus.APPROVED,
    }
    assert comments[1002].parent == comments[1001]
    assert comments[1002].user == User.objects.get(username="steph")
    assert (comments[1006].kind, comments[1007].kind) == (CommentKind.PINGBACK, CommentKind.TRACKBACK)
    alice = comments[1001]
    assert (alice.author_name, alice.author_email, alice.author_url, alice.ip_address) == (
        "Alice",
        "alice@example.org",
        "https://alice.example.org/",
        "192.0.2.10",
    )
    assert alice.body == "Très juste, voir cette page (https://example.net/page)."
    assert alice.created_at.isoformat() == "2016-03-05T11:00:00+00:00"
    assert comments[1006].body == "[…] comme le dit Stephanie […]"
    assert comments[1002].ip_address == "2001:db8::1"
    bob = comments[1003]
    assert (bob.author_email, bob.author_url, bob.ip_address) == ("", "", None)


def test_attachments_and_trash_are_reported_skipped(run_import):
    """Attachments, trashed posts and comments on pages are counted as skipped, with reasons."""
    output = run_import(BLOG)
    assert "posts: 6 created, 1 skipped" in output
    assert "1 skipped: status “trash”" in output
    assert "pages: 1 created" in output
    assert "attachments: 1 skipped" in output
    assert "comments: 7 created, 1 skipped" in output
    assert not Post.objects.filter(wordpress_id__in=[107, 201, 301]).exists()


def test_slug_collision_gets_a_suffix(run_import):
    """A slug already used by another post gets -2 and the summary says so."""
    PostFactory(slug="hello")
    output = run_import(BLOG)
    assert Post.objects.get(wordpress_id=105).slug == "hello-2"
    assert "slug “hello” already taken: stored as “hello-2”" in output
    assert "already taken" not in run_import(BLOG)


def test_second_run_creates_nothing(run_import):
    """Importing the same export twice changes nothing the second time."""
    run_import(BLOG)
    counts = [Post.objects.count(), Comment.objects.count(), Tag.objects.count(), Redirect.objects.count()]
    output = run_import(BLOG)
    assert [Post.objects.count(), Comment.objects.count(), Tag.objects.count(), Redirect.objects.count()] == counts
    assert "posts: 6 unchanged, 1 skipped" in output
    assert "comments: 7 unchanged, 1 skipped" in output
    assert "created" not in output.replace("2 created: without", "")


def test_changed_export_updates_what_changed(run_import, tmp_path):
    """A second run after the export changed updates those posts and comments only."""
    run_import(BLOG)
    changed = tmp_path / "changed.xml"
    text = BLOG.read_text().replace("Internet, espace de vie", "Internet, un espace de vie")
    changed.write_text(text.replace("Merci Alice !", "Merci beaucoup Alice !"))
    output = run_import(changed)
    assert Post.objects.get(wordpress_id=101).title == "Internet, un espace de vie"
    assert Comment.objects.get(wordpress_id=1002).body == "Merci beaucoup Alice !"
    assert "posts: 1 updated, 5 unchanged, 1 skipped" in output
    assert "comments: 1 updated, 6 unchanged, 1 skipped" in output


def test_dry_run_stores_nothing(run_import):
    """--dry-run reports the same summary and leaves the database untouched."""
    output = run_import(BLOG, "--dry-run")
    assert "posts: 6 created, 1 skipped" in output
    assert "Dry run: nothing was stored." in output
    assert not Post.objects.exists() and not User.objects.exists() and not Redirect.objects.exists()


def test_malformed_file_stops_naming_the_line_and_stores_nothing(run_import):
    """A file broken after three good items stores none of them and names the line."""
    with pytest.raises(CommandError, match=r"not well-formed XML at line 207, column 51.*Nothing was imported"):
        run_import(FIXTURES / "malformed.xml")
    assert not Post.objects.exists() and not Comment.objects.exists() and not User.objects.exists()


def test_command_exits_non_zero_on_malformed_file(capsys):
    """Run from the command line, the command prints the error and exits with status 1."""
    with pytest.raises(SystemExit) as exit_status:
        execute_from_command_line(["manage.py", "import_wordpress", str(FIXTURES / "malformed.xml")])
    assert exit_status.value.code == 1
    assert "line 207" in capsys.readouterr().err


def test_missing_file_is_a_clear_error(run_import, tmp_path):
    """A file that does not exist gives a message, not a traceback."""
    with pytest.raises(CommandError, match="Cannot read"):
        run_import(tmp_path / "nope.xml")


def test_long_lists_in_the_summary_stop_at_twenty(run_import, tmp_path):
    """A big blog's posts without language show as a count and 20 titles; --verbosity 2 lists them all."""
    items = "".join(
        f"<item><title>Post {number:02d}</title><wp:post_id>{number}</wp:post_id>"
        f"<wp:post_name>post-{number}</wp:post_name><wp:status>publish</wp:status>"
        "<wp:post_type>post</wp:post_type></item>"
        for number in range(1, 26)
    )
    export = tmp_path / "many.xml"
    export.write_text(
        '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
        f"<wp:wxr_version>1.2</wp:wxr_version>{items}</channel></rss>"
    )
    output = run_import(export, "--dry-run")
    assert "given the export's or the default language (25):\n    Post 01\n" in output
    assert "    Post 20\n    … and 5 more: run with --verbosity 2 to list them all.\n" in output
    assert "Post 21" not in output
    output = run_import(export, "--dry-run", "--verbosity", "2")
    assert "    Post 25\n" in output and "more: run with" not in output
