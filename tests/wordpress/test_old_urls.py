import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blog.models import Post
from tests.factories import PostFactory
from wordpress.models import Redirect

from .conftest import FIXTURES

OLD_URLS = FIXTURES / "old_urls.xml"
POST = "/2016/03/04/internet-espace-de-vie/"
pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(run_import):
    return run_import(OLD_URLS)


def redirect_queries(context):
    return [query for query in context.captured_queries if "wordpress_redirect" in query["sql"]]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # Previous slugs WordPress kept (_wp_old_slug)
        ("/2016/03/04/espace-de-vie/", POST),
        ("/2016/03/04/internet-lieu-de-vie/", POST),
        # A post's other addresses
        ("/?p=501", POST),
        (f"{POST}comment-page-2/", POST),
        (f"{POST}2/", POST),
        (f"{POST}trackback/", POST),
        (f"{POST}feed/", f"{POST}comments/feed/"),
        (f"{POST}feed/atom/", f"{POST}comments/feed/"),
        ("/?p=501&feed=rss2", f"{POST}comments/feed/"),
        # Attachment page of an imported post
        (f"{POST}photo/", POST),
        ("/?attachment_id=701", POST),
        # Categories become tags; a nested category answers at both its addresses
        ("/category/reflexions/", "/tag/r%C3%A9flexions/"),
        ("/category/chroniques/technique/", "/tag/technique/"),
        ("/category/technique/", "/tag/technique/"),
        ("/category/technique/page/2/", "/tag/technique/?page=2"),
        ("/category/reflexions/feed/", "/tag/r%C3%A9flexions/feed/"),
        ("/category/reflexions/feed/atom/", "/tag/r%C3%A9flexions/feed/atom/"),
        ("/?cat=3", "/tag/r%C3%A9flexions/"),
        ("/?cat=3&feed=rss2", "/tag/r%C3%A9flexions/feed/"),
        ("/?cat=6&paged=2", "/tag/technique/?page=2"),
        ("/?category_name=reflexions", "/tag/r%C3%A9flexions/"),
        # Tags whose WordPress slug is not Carnet's
        ("/tag/c-plus-plus/", "/tag/c/"),
        ("/tag/vie-privee/", "/tag/vie-priv%C3%A9e/"),
        ("/tag/vie-privee/feed/atom/", "/tag/vie-priv%C3%A9e/feed/atom/"),
        ("/tag/c-plus-plus/page/2/", "/tag/c/?page=2"),
        ("/tag/internet/page/3/", "/tag/internet/?page=3"),
        ("/?tag=c-plus-plus", "/tag/c/"),
        # Feeds of the whole blog
        ("/?feed=rss2", "/feed/"),
        ("/?feed=rss", "/feed/"),
        ("/?feed=atom", "/feed/atom/"),
        ("/feed/rss2/", "/feed/"),
        ("/feed/rdf/", "/feed/"),
        ("/wp-rss2.php", "/feed/"),
        ("/wp-atom.php", "/feed/atom/"),
        ("/?feed=comments-rss2", "/comments/feed/"),
        ("/comments/feed/rss2/", "/comments/feed/"),
        ("/comments/feed/atom/", "/comments/feed/"),
        ("/wp-commentsrss2.php", "/comments/feed/"),
        # Dates and page numbers
        ("/?m=2016", "/2016/"),
        ("/?m=201603", "/2016/03/"),
        ("/?m=20160304", "/2016/03/"),
        ("/2016/03/04/", "/2016/03/"),
        ("/page/2/", "/?page=2"),
        ("/?paged=2", "/?page=2"),
        # Search
        ("/?s=vie+priv%C3%A9e", "/search/?q=vie+priv%C3%A9e"),
        # Authors (the login "Jean Dupont" is the Carnet user "jean-dupont")
        ("/author/steph/", "/authors/steph/"),
        ("/author/jean-dupont/", "/authors/jean-dupont/"),
        ("/author/steph/page/2/", "/authors/steph/?page=2"),
        ("/?author=2", "/authors/jean-dupont/"),
        ("/?author_name=steph", "/authors/steph/"),
    ],
)
def test_old_address_answers_301_to_its_new_place(imported, client, old, new):
    """Every kind of address the WordPress blog answered redirects permanently to the matching Carnet page."""
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, new)


def test_redirects_land_on_pages_that_exist(imported, client):
    """Following the redirects of posts, tags, archives and authors ends on a page, not a 404."""
    for old in (
        *("/2016/03/04/espace-de-vie/", f"{POST}feed/", "/category/reflexions/", "/tag/c-plus-plus/"),
        *("/?m=201603", "/?author=2", "/?feed=comments-rss2", "/wp-commentsrss2.php", "/?s=vie"),
        *("/?feed=rss2", "/?feed=atom", "/category/reflexions/feed/", "/tag/vie-privee/feed/atom/"),
    ):
        assert client.get(old, follow=True).status_code == 200


def test_date_archives_keep_their_address(imported, client):
    """WordPress's year and month archives are Carnet's own addresses."""
    assert client.get("/2016/").status_code == 200
    response = client.get("/2016/03/")
    assert response.status_code == 200
    assert "Compiler du C++" in response.content.decode()


def test_old_slug_never_takes_a_permalink_from_another_post(run_import, client):
    """A post once called "hello" does not steal the address of the post called "hello" now, run after run."""
    run_import(OLD_URLS)
    assert client.get("/2010/01/02/hello/").context["post"].wordpress_id == 504
    output = run_import(OLD_URLS)
    assert "redirects: " in output and " created" not in output.split("redirects: ")[1].split("\n")[0]
    assert "1 skipped: an old slug's address already leads to another post" in output
    assert client.get("/2010/01/02/hello/").context["post"].wordpress_id == 504


def test_second_run_changes_no_redirect(run_import):
    """Importing the same export again creates and updates no redirect."""
    run_import(OLD_URLS)
    count = Redirect.objects.count()
    output = run_import(OLD_URLS)
    assert Redirect.objects.count() == count
    redirects = output.split("redirects: ")[1].split("\n")[0]
    assert "created" not in redirects and "updated" not in redirects


def test_old_permalink_follows_a_slug_changed_in_carnet(imported, client):
    """The WordPress permalink keeps working after the author renames the post in Carnet."""
    post = Post.objects.get(wordpress_id=501)
    post.slug = "espace-de-vie-en-ligne"
    post.save()
    response = client.get(POST)
    assert (response.status_code, response["Location"]) == (301, "/2016/03/04/espace-de-vie-en-ligne/")


def test_tag_archive_follows_the_tag(imported, client):
    """An old category redirect follows its tag when the tag's slug changes."""
    redirect = Redirect.objects.get(old_path="/category/technique/")
    redirect.tag.slug = "techniques"
    redirect.tag.save()
    assert client.get("/category/technique/")["Location"] == "/tag/techniques/"


def test_what_is_not_carried_over_is_reported_with_its_old_address(imported, client):
    """Post-less categories are listed with their old URL, and answer 404; the page and its attachment moved in."""
    assert "    Vide — /category/vide/\n" in imported
    assert "    Uncategorized — /category/uncategorized/\n" in imported
    assert "portrait" not in imported
    assert client.get("/about/").status_code == 200  # the page, imported
    assert client.get("/category/vide/").status_code == 404
    assert client.get("/?attachment_id=702")["Location"] == "/about/"  # the About page's picture


def test_caption_followed_by_text_leaves_no_empty_paragraph(imported, client):
    """A `[caption]` becomes a figure, and the text after it its own paragraph."""
    body = Post.objects.get(wordpress_id=501).body_html
    assert "<p></p>" not in body
    assert "<figcaption>Une photo</figcaption></figure>\n<p>Le texte qui suit la photo.</p>" in body


@pytest.fixture
def in_a_folder(tmp_path, run_import):
    """The old_urls export, as a blog that lived under /blog/, imported."""
    export = tmp_path / "folder.xml"
    export.write_text(
        OLD_URLS.read_text()
        .replace("<wp:base_blog_url>https://blog.example.org", "<wp:base_blog_url>https://blog.example.org/blog")
        .replace("https://blog.example.org/2016/", "https://blog.example.org/blog/2016/")
    )
    run_import(export)


def test_blog_in_a_folder(in_a_folder, client):
    """A blog that lived under /blog/ keeps its folder's addresses: home, feed, short links."""
    assert client.get("/blog/")["Location"] == "/"
    assert client.get("/blog/feed/")["Location"] == "/feed/"
    assert client.get("/blog/page/2/")["Location"] == "/?page=2"
    assert client.get("/blog/?p=501")["Location"] == POST
    assert client.get("/blog/2016/03/04/espace-de-vie/")["Location"] == POST
    assert client.get("/blog/category/reflexions/")["Location"] == "/tag/r%C3%A9flexions/"
    assert client.get("/blog/?m=201603")["Location"] == "/2016/03/"


def test_blog_in_a_folder_keeps_its_date_archives_and_query_feeds(in_a_folder, client):
    """Under /blog/, WordPress's date archives and `?feed=rss2` were the folder's: they lead to Carnet's."""
    assert client.get("/blog/2016/")["Location"] == "/2016/"
    assert client.get("/blog/2016/03/")["Location"] == "/2016/03/"
    assert client.get("/blog/2016/03/04/")["Location"] == "/2016/03/"
    assert client.get("/blog/2016/03/feed/")["Location"] == "/2016/03/"
    assert client.get("/blog/?feed=rss2")["Location"] == "/feed/"
    assert client.get("/blog/?feed=atom")["Location"] == "/feed/atom/"
    assert client.get("/blog/?paged=2")["Location"] == "/?page=2"
    assert client.get("/blog/?s=vie")["Location"] == "/search/?q=vie"
    assert client.get("/blog/fr/").status_code == 404  # no language folder in this blog


def test_permalinks_ending_in_html_take_a_slash_and_suffixes(tmp_path, run_import, client):
    """bloggure's `/work/my-post.html` permalinks: WordPress also answered `…html/`, `…html/feed/` and the like."""
    export = tmp_path / "html.xml"
    export.write_text(
        OLD_URLS.read_text().replace(
            "https://blog.example.org/2016/03/04/internet-espace-de-vie/", "https://blog.example.org/work/espace.html"
        )
    )
    run_import(export)
    assert client.get("/work/espace.html")["Location"] == POST
    assert client.get("/work/espace.html/")["Location"] == POST
    assert client.get("/work/espace.html/comment-page-2/")["Location"] == POST
    assert client.get("/work/espace.html/amp/")["Location"] == POST
    assert client.get("/work/espace.html/feed/")["Location"] == f"{POST}comments/feed/"


def test_carnet_feeds_answer_at_their_wordpress_address(imported, client):
    """`/feed/`, `/feed/atom/` and `/comments/feed/` were WordPress's addresses and are Carnet's feeds."""
    for url in ("/feed/", "/feed/atom/", "/comments/feed/", "/tag/c/feed/", "/tag/vie-privée/feed/atom/"):
        assert client.get(url).status_code == 200


def test_redirects_never_leave_the_site(client):
    """A path shaped like another site (`//elsewhere/`) is not sent there, whatever its suffix."""
    for query in ({"paged": "2"}, {"feed": "atom"}, {}):
        response = client.get("/", query, PATH_INFO="//elsewhere.example/")
        assert response.status_code == 404
    assert client.get("/", PATH_INFO="//elsewhere.example/page/2/").status_code == 404


def test_other_apps_addresses_are_not_read_as_wordpress_ones(client):
    """`feed/` or `page/2/` after a columns address is not an old WordPress link: it stays a 404."""
    for url in ("/columns/nothing/feed/", "/columns/nothing/page/2/", "/1999/"):
        assert client.get(url).status_code == 404


# Query counts


def test_old_address_costs_one_query(imported, client, django_assert_num_queries):
    """An old address that matches none of Carnet's pages costs one lookup, whatever its suffix."""
    for url in ("/category/technique/page/2/", "/tag/c-plus-plus/page/2/", "/author/steph/feed/", "/?cat=3&feed=rss2"):
        with django_assert_num_queries(1):
            assert client.get(url).status_code == 301


def test_unknown_address_with_a_suffix_costs_one_query(client, django_assert_num_queries):
    """A 404 looks up its address and the address without `page/N/` in the same single query (+ its menu)."""
    with django_assert_num_queries(2):
        assert client.get("/nothing/here/page/2/").status_code == 404


def test_unknown_short_link_outside_the_blog_costs_one_query(client, django_assert_num_queries):
    """A `?p=ID` lookup that finds nothing is not repeated when the page is a 404."""
    with django_assert_num_queries(3):  # + the page at /nowhere/, + the 404 page's menu
        assert client.get("/nowhere/?p=999").status_code == 404


def test_feeds_and_dates_cost_no_query(client, django_assert_num_queries):
    """Old feed and date addresses are answered by rule, without a database query."""
    for url in ("/?feed=rss2", "/?feed=comments-rss2", "/wp-rss2.php", "/comments/feed/rss2/", "/?m=201603"):
        with django_assert_num_queries(0):
            assert client.get(url).status_code == 301


@pytest.mark.parametrize("url", ["/tag/c-plus-plus/", "/2016/03/04/espace-de-vie/"])
def test_carnet_shaped_old_address_adds_one_query(imported, client, url):
    """An old address shaped like a Carnet page costs that page's own 404 lookup plus one redirect lookup."""
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 301
    assert len(redirect_queries(context)) == 1


@pytest.mark.parametrize("url", ["/", "/?page=1", "/tag/{tag}/", "/{post}"])
def test_normal_pages_do_not_look_up_redirects(client, url):
    """Carnet's own pages, their page numbers included, cost no redirect query."""
    post = PostFactory(tags=["internet"])
    tag = post.tags.get()
    Redirect.objects.create(old_path="/tag/old/", tag=tag)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url.format(tag=tag.slug, post=post.get_absolute_url()[1:])).status_code == 200
    assert context.captured_queries and not redirect_queries(context)


def test_admin_page_numbers_are_not_wordpress_short_links(admin_client):
    """The admin's `?p=2` is its own page number, not an old WordPress address."""
    Redirect.objects.create(old_path="/admin/wordpress/redirect/?p=1", target="/")
    url = reverse("admin:wordpress_redirect_changelist")
    with CaptureQueriesContext(connection) as context:
        response = admin_client.get(f"{url}?p=1")
    assert response.status_code == 200
    assert not any('"old_path" IN' in query["sql"] for query in context.captured_queries)
