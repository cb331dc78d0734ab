import datetime
import re

import pytest
from django.utils import timezone

from blog.models import PostStatus
from tests.columns.factories import ColumnFactory
from tests.factories import AuthorFactory, PostFactory, UserFactory

pytestmark = pytest.mark.django_db


def at(year, month, day, hour=12):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


def test_home_lists_published_posts_in_both_languages(client):
    """The home page shows published French and English posts, newest first."""
    PostFactory(title="Internet, espace de vie", language="fr", published_at=at(2016, 9, 1))
    PostFactory(title="Why I still blog", language="en", published_at=at(2016, 9, 2))
    html = client.get("/").content.decode()
    assert html.index("Why I still blog") < html.index("Internet, espace de vie")


def test_home_hides_drafts_and_scheduled_posts(client):
    """Readers never see drafts or posts scheduled for later."""
    PostFactory(title="Visible post")
    PostFactory(title="Secret draft", status=PostStatus.DRAFT)
    PostFactory(title="Future post", published_at=timezone.now() + datetime.timedelta(days=2))
    html = client.get("/").content.decode()
    assert "Visible post" in html
    assert "Secret draft" not in html
    assert "Future post" not in html


def test_home_is_paginated(client, settings):
    """Older posts move to ?page=2, with links between pages."""
    for day in range(1, 13):
        PostFactory(title=f"Post of day {day:02d}", published_at=at(2020, 1, day))
    first = client.get("/").content.decode()
    second = client.get("/?page=2").content.decode()
    assert "Post of day 12" in first and "Post of day 02" not in first
    assert "Post of day 02" in second and "Post of day 12" not in second
    assert 'href="?page=2"' in first
    assert client.get("/?page=99").status_code == 404


def test_a_long_archive_links_its_newest_and_oldest_pages(client):
    """Twenty years of posts: from a middle page, one click to the newest and one to the oldest (five pages)."""
    for day in range(1, 46):
        PostFactory(title=f"Post of day {day:02d}", published_at=at(2020, 1, 1) + datetime.timedelta(days=day))

    def links(url):
        html = client.get(url).content.decode()
        nav = html[html.index('<nav class="pagination"') :]
        return re.findall(r'<a (?:rel="\w+" )?href="([^"]+)">([^<]+)</a>', nav[: nav.index("</nav>")])

    assert links("/?page=3") == [
        (".", "Newest"),
        ("?page=2", "Newer posts"),
        ("?page=4", "Older posts"),
        ("?page=last", "Oldest"),
    ]
    assert links("/") == [("?page=2", "Older posts"), ("?page=last", "Oldest")]
    assert links("/?page=4") == [(".", "Newest"), ("?page=3", "Newer posts"), ("?page=5", "Older posts")]
    assert "Post of day 01" in client.get("/?page=last").content.decode()


def test_post_page_shows_title_date_summary_body_and_tags(client):
    """A French post shows its title, a French date, its English summary as a note first, body and tags."""
    post = PostFactory(
        title="Internet, espace de vie",
        language="fr",
        published_at=at(2004, 7, 11),
        body="Internet est un **espace social**.",
        tags=["internet", "médias sociaux"],
        summary={"en": "About the profound humanness of the internet."},
    )
    response = client.get(post.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Internet, espace de vie</h1>" in html
    assert "11 juillet 2004" in html
    assert '<div class="summary" lang="en"><span class="summary-label">In English:</span> <p>About the profound' in html
    assert html.index("About the profound") < html.index("<strong>espace social</strong>")
    assert '<article class="post" lang="fr">' in html
    assert 'href="/tag/internet/"' in html and "médias sociaux" in html


def test_english_post_date_is_written_in_english_even_for_a_french_reader(french_client):
    """The post's date follows the post's language, not the interface's."""
    post = PostFactory(language="en", published_at=at(2004, 7, 11), summary={"fr": "Un résumé."})
    html = french_client.get(post.get_absolute_url()).content.decode()
    assert "July 11, 2004" in html
    assert '<div class="summary" lang="fr">' in html
    assert "Articles similaires" in html or "Étiquettes" in html


def test_permalink_uses_zero_padded_local_date(client):
    """Permalinks are /yyyy/mm/dd/slug/ with the date in the site's time zone."""
    post = PostFactory(slug="un-billet", published_at=timezone.make_aware(datetime.datetime(2009, 3, 4, 23, 30)))
    assert post.get_absolute_url() == "/2009/03/04/un-billet/"
    assert client.get("/2009/03/04/un-billet/").status_code == 200


def test_wrong_date_in_permalink_redirects_to_the_right_one(client):
    """An old or mistyped date in a permalink redirects permanently to the post."""
    post = PostFactory(slug="un-billet", published_at=at(2009, 3, 4))
    response = client.get("/2010/01/01/un-billet/")
    assert response.status_code == 301
    assert response["Location"] == post.get_absolute_url()


def test_list_pages_cut_posts_at_the_more_line(client):
    """List pages show a post up to its <!--more--> line, then a link to read on."""
    post = PostFactory(body="Before the cut.\n\n<!--more-->\n\nAfter the cut.", summary={"en": "Short summary."})
    html = client.get("/").content.decode()
    assert "Before the cut." in html
    assert "After the cut." not in html
    assert "Continue reading" in html
    assert "Short summary." in html
    assert "After the cut." in client.get(post.get_absolute_url()).content.decode()


def test_year_and_month_archives(client):
    """Archives list the posts of a year or a month, and nothing else."""
    PostFactory(title="March post", published_at=at(2010, 3, 5))
    PostFactory(title="June post", published_at=at(2010, 6, 5))
    PostFactory(title="A post of 2011", published_at=at(2011, 3, 5))
    year = client.get("/2010/").content.decode()
    month = client.get("/2010/03/").content.decode()
    assert "March post" in year and "June post" in year and "A post of 2011" not in year
    assert "March post" in month and "June post" not in month
    assert 'href="/2010/06/"' in year
    assert client.get("/1999/").status_code == 404


def test_french_month_archive_titles_read_well_before_a_vowel(client):
    """« Articles parus en octobre 2010 », never « Articles de octobre »."""
    PostFactory(title="Octobre", published_at=at(2010, 10, 5))
    html = client.get("/2010/10/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "<h1>Articles parus en octobre 2010</h1>" in html
    assert "Articles de octobre" not in html


def test_tag_page_and_tag_index(client):
    """A tag page lists the posts carrying it; the index lists tags with their counts."""
    PostFactory(title="Tagged one", tags=["cluetrain"])
    PostFactory(title="Tagged two", tags=["cluetrain", "blogging"])
    PostFactory(title="Not tagged")
    PostFactory(title="Draft tagged", tags=["cluetrain", "hidden-tag"], status=PostStatus.DRAFT)
    tag_page = client.get("/tag/cluetrain/").content.decode()
    assert "Tagged one" in tag_page and "Tagged two" in tag_page
    assert "Not tagged" not in tag_page and "Draft tagged" not in tag_page
    index = client.get("/tags/").content.decode()
    assert 'href="/tag/cluetrain/">cluetrain</a> <span class="count">(2)</span>' in index
    assert "hidden-tag" not in index
    assert client.get("/tag/no-such-tag/").status_code == 404


def test_tag_page_is_paginated_over_the_posts_readers_see(client):
    """The pages of a tag count its published posts only: drafts, scheduled posts and posts that lost the
    tag make no extra page; a tag whose posts are all hidden has one empty page."""
    for day in range(1, 11):
        PostFactory(title=f"Tagged day {day:02d}", tags=["cluetrain"], published_at=at(2020, 1, day))
    PostFactory(title="Draft tagged", tags=["cluetrain"], status=PostStatus.DRAFT)
    PostFactory(title="Future tagged", tags=["cluetrain"], published_at=timezone.now() + datetime.timedelta(days=2))
    PostFactory(title="Untagged later", tags=["cluetrain"], published_at=at(2020, 1, 20)).tags.clear()
    one_page = client.get("/tag/cluetrain/").content.decode()
    assert "Tagged day 10" in one_page and "Tagged day 01" in one_page and "Page 1 of" not in one_page
    assert client.get("/tag/cluetrain/?page=2").status_code == 404

    PostFactory(title="Tagged day 11", tags=["cluetrain"], published_at=at(2020, 1, 11))
    first = client.get("/tag/cluetrain/").content.decode()
    second = client.get("/tag/cluetrain/?page=2").content.decode()
    assert "Page 1 of 2" in first and "Tagged day 11" in first and "Tagged day 01" not in first
    assert "Page 2 of 2" in second and "Tagged day 01" in second and "Tagged day 02" not in second
    assert client.get("/tag/cluetrain/?page=3").status_code == 404

    PostFactory(title="Hidden only", tags=["secret"], status=PostStatus.DRAFT)
    hidden = client.get("/tag/secret/")
    assert hidden.status_code == 200 and "Hidden only" not in hidden.content.decode()


def test_language_page_lists_posts_written_in_that_language(client):
    """/language/en/ lists English posts only; an unknown language is a 404."""
    PostFactory(title="English post", language="en")
    PostFactory(title="Billet français", language="fr")
    html = client.get("/language/en/").content.decode()
    assert "English post" in html and "Billet français" not in html
    assert "Posts written in English" in html
    assert client.get("/language/de/").status_code == 404


def test_author_page_lists_the_authors_posts(client):
    """/authors/<username>/ lists that author's published posts."""
    claire = AuthorFactory(username="claire", display_name="Claire Martin")
    PostFactory(title="By Claire", author=claire)
    PostFactory(title="By someone else")
    html = client.get("/authors/claire/").content.decode()
    assert "Posts by Claire Martin" in html
    assert "By Claire" in html and "By someone else" not in html
    assert client.get("/authors/nobody/").status_code == 404


def test_an_account_that_never_published_has_no_author_page(client):
    """The admin's login, or an author with only drafts, is not confirmed to the world by a page of its own."""
    UserFactory(username="admin")
    PostFactory(author=AuthorFactory(username="discrete"), status=PostStatus.DRAFT)
    assert client.get("/authors/admin/").status_code == 404
    assert client.get("/authors/discrete/").status_code == 404


@pytest.mark.parametrize(
    "kwargs",
    [{"status": PostStatus.DRAFT}, {"published_at": timezone.now() + datetime.timedelta(days=3)}],
    ids=["draft", "scheduled"],
)
def test_unpublished_posts_are_404_for_readers_and_bannered_for_staff(client, kwargs):
    """Drafts and scheduled posts answer 404 to readers; staff see them with a banner."""
    post = PostFactory(title="Not yet", **kwargs)
    url = post.get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(post.author)
    response = client.get(url)
    assert response.status_code == 200
    assert 'class="staff-banner"' in response.content.decode()
    assert "no-cache" in response["Cache-Control"]


def test_published_post_has_no_staff_banner(client):
    """Readers of a published post see no banner."""
    post = PostFactory()
    assert "staff-banner" not in client.get(post.get_absolute_url()).content.decode()


def test_an_author_cannot_read_another_authors_draft(client):
    """Staff see unpublished posts only when they may edit them."""
    draft = PostFactory(status=PostStatus.DRAFT)
    client.force_login(AuthorFactory())
    assert client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("url", "current"), [("/", "/"), ("/tags/", "/tags/"), ("/search/", "/search/"), ("/columns/", "/columns/")]
)
def test_the_menu_marks_the_section_the_reader_is_in(client, url, current):
    """In the header's menu, or its search link (a magnifier on a phone, beside the language switch)."""
    html = client.get(url).content.decode()
    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    assert re.findall(r'<a (?:class="[^"]+" )?href="([^"]+)" aria-current="page"', header) == [current]


def test_the_menu_marks_the_section_of_a_tag_or_a_column(client):
    """On a tag's page the menu's Tags is marked as the section, on a column's page Columns."""
    PostFactory(tags=["internet"])
    column = ColumnFactory()
    for url, section in (("/tag/internet/", "/tags/"), (column.get_absolute_url(), "/columns/")):
        html = client.get(url).content.decode()
        nav = html[html.index('<nav aria-label="Main">') : html.index("</nav>")]
        assert re.findall(r'<a href="([^"]+)" aria-current="true"', nav) == [section]
        assert 'aria-current="page"' not in nav


def test_a_tag_address_typed_with_capitals_leads_to_the_tag(client):
    """`/tag/Photographie/`, as the tag is written, is the tag's page; an unknown tag stays a 404."""
    PostFactory(title="Le lac", tags=["Photographie"])
    response = client.get("/tag/Photographie/", {"page": "1"})
    assert response.status_code == 301
    assert response["Location"] == "/tag/photographie/?page=1"
    assert "Le lac" in client.get(response["Location"]).content.decode()
    assert client.get("/tag/Nothing-Here/").status_code == 404


def test_later_pages_of_a_list_say_their_number_in_the_title(french_client):
    """A reader with several tabs, or a search engine, tells page 2 of a tag from page 1."""
    for _ in range(12):
        PostFactory(tags=["lac"])
    first = french_client.get("/tag/lac/").content.decode()
    second = french_client.get("/tag/lac/", {"page": "2"}).content.decode()
    assert "<title>Articles étiquetés «\u202flac\u202f» — Carnet</title>" in first
    assert "<title>Articles étiquetés «\u202flac\u202f» — page 2 — Carnet</title>" in second


def test_year_archives_lead_to_the_years_before_and_after(french_client):
    for year in (2019, 2021, 2024):
        PostFactory(published_at=at(year, 5, 4))
    html = french_client.get("/2021/").content.decode()
    assert '<nav class="archive-nav" aria-label="Autres années"><a href="/2019/">← 2019</a>' in html
    assert '<a class="next" href="/2024/">2024 →</a></nav>' in html


def test_a_missing_page_names_no_address_of_its_own(client):
    """A scheduled post's address answers 404 to readers, and tells nothing of it to search engines or previews."""
    post = PostFactory(published_at=timezone.now() + datetime.timedelta(days=1))
    response = client.get(post.get_absolute_url())
    head = response.content.decode().split("</head>")[0]
    assert response.status_code == 404
    assert 'rel="canonical"' not in head and "og:url" not in head and post.slug not in head
    assert '<meta name="robots" content="noindex">' in head


def test_tags_and_summaries_read_with_the_post_come_back_as_written(client):
    """Tags and summaries come with the post's own query (as JSON): every character survives the trip, a post
    without any shows none, and a summary saved afterwards shows at once."""
    name = 'l’été "chaud" <b>\\ 🌞'
    PostFactory(title="Avec", tags=[name, "écriture"], summary={"en": 'A "quoted"\nsummary \\ with ‘that’.'})
    bare = PostFactory(title="Sans", tags=[], published_at=timezone.now() - datetime.timedelta(days=1))
    html = client.get("/").content.decode()
    assert "l’été &quot;chaud&quot; &lt;b&gt;\\ 🌞</a>" in html
    assert "écriture</a>" in html
    assert "A “quoted”\nsummary \\ with ‘that’." in html  # its straight quotes printed curled
    assert "<b>" not in html.split("Tags:")[1]
    card = html.split(">Sans</a>")[1].split("</article>")[0]
    assert 'class="tags"' not in card and 'class="summary"' not in card
    bare.save_summary("en", "Written later.")
    assert "Written later." in client.get("/").content.decode()
