import datetime
import html as html_lib

import pytest
from django.utils import timezone

from blog.models import PostStatus
from columns.models import Publication, Republication
from tests.factories import AuthorFactory, EditorFactory, PostFactory

from .factories import ColumnFactory, PublicationFactory, RepublicationFactory

pytestmark = pytest.mark.django_db


def post_change_data(post, **inline):
    """The post admin form as the browser sends it, with the republication inline filled by `inline`."""
    published = timezone.localtime(post.published_at) if post.published_at else None
    data = {
        "title": post.title,
        "slug": post.slug,
        "language": post.language,
        "body": post.body,
        "summary": "",
        "status": post.status,
        "published_at_0": published.strftime("%Y-%m-%d") if published else "",
        "published_at_1": published.strftime("%H:%M:%S") if published else "",
        "allow_comments": "on",
        "author": post.author.pk,
        "tags": "",
        "republication-TOTAL_FORMS": "1",
        "republication-INITIAL_FORMS": "0",
        "republication-MIN_NUM_FORMS": "0",
        "republication-MAX_NUM_FORMS": "1",
        "republication-0-post": post.pk,
        "republication-0-id": "",
    }
    data.update({f"republication-0-{name}": value for name, value in inline.items()})
    return data


def page(response):
    return html_lib.unescape(response.content.decode())


@pytest.fixture
def editor(client):
    user = EditorFactory()
    client.force_login(user)
    return user


def test_editor_links_a_post_to_its_original_from_the_post_form(client, editor):
    """The post admin's inline marks the post as a republished column; the original title defaults to the post's."""
    column = ColumnFactory()
    post = PostFactory(title="Parler comme un être humain")
    form = client.get(f"/admin/blog/post/{post.pk}/change/").content.decode()
    assert 'name="republication-0-original_url"' in form
    response = client.post(
        f"/admin/blog/post/{post.pk}/change/",
        post_change_data(
            post,
            column=column.pk,
            original_url="https://www.lesquotidiennes.example/parler",
            original_title="",
            originally_published_on=(post.published_at - datetime.timedelta(days=2)).strftime("%Y-%m-%d"),
            archive_url="",
        ),
    )
    assert response.status_code == 302, page(response)[:3000]
    piece = Republication.objects.get(post=post)
    assert (piece.column, piece.original_url, piece.original_title) == (
        column,
        "https://www.lesquotidiennes.example/parler",
        "Parler comme un être humain",
    )
    assert "Paru d’abord dans Les Quotidiennes le " in page(client.get(post.get_absolute_url()))


def test_original_dated_after_the_blog_post_is_refused_and_the_input_kept(client, editor):
    """A first publication later than the blog post is refused with a clear message; what was typed stays."""
    column = ColumnFactory()
    post = PostFactory(published_at=timezone.make_aware(datetime.datetime(2011, 3, 4, 12)))
    response = client.post(
        f"/admin/blog/post/{post.pk}/change/",
        post_change_data(
            post,
            column=column.pk,
            original_url="https://www.lesquotidiennes.example/later",
            originally_published_on="2011-03-09",
        ),
    )
    html = page(response)
    assert response.status_code == 200
    assert "The original cannot be later than the blog post, published on March 4, 2011." in html
    assert 'value="https://www.lesquotidiennes.example/later"' in html
    assert not Republication.objects.exists()


def test_a_draft_original_dated_in_the_future_is_refused_in_french(french_client, editor):
    """A post without a date yet: its original cannot be dated after today (2099 is a slip of the keyboard)."""
    french_client.force_login(editor)
    post = PostFactory(status=PostStatus.DRAFT, published_at=None)
    response = french_client.post(
        f"/admin/blog/post/{post.pk}/change/",
        post_change_data(
            post,
            column=ColumnFactory().pk,
            original_url="https://www.lesquotidiennes.example/futur",
            originally_published_on="2099-01-01",
        ),
    )
    html = page(response)
    assert "L’original ne peut pas être postérieur à aujourd’hui" in html
    assert not Republication.objects.exists()
    assert 'value="2099-01-01"' in html


def test_authors_do_not_see_the_columns_inline(client):
    """An author, who has no rights on columns, gets the post form without the republication inline."""
    author = AuthorFactory()
    post = PostFactory(author=author)
    client.force_login(author)
    form = client.get(f"/admin/blog/post/{post.pk}/change/").content.decode()
    assert "republication-TOTAL_FORMS" not in form


def add_republication(client, **data):
    return client.post("/admin/columns/republication/add/", {"original_title": "", "archive_url": "", **data})


@pytest.mark.parametrize("url", ["lesquotidiennes.example/chroniques/1", "/chroniques/1", "javascript:alert(1)"])
def test_original_must_be_an_absolute_http_address(client, editor, url):
    """Anything but a full http(s) address is refused with a message saying what to type, and kept in the field."""
    post, column = PostFactory(), ColumnFactory()
    response = add_republication(client, post=post.pk, column=column.pk, original_url=url)
    html = page(response)
    assert "Enter the full address, starting with https:// or http://." in html
    assert f'value="{url}"' in html
    assert not Republication.objects.exists()


def test_linking_the_same_original_twice_names_the_post_that_has_it(french_client):
    """A second link to one original is refused, in French for a French editor, naming the post that has it."""
    french_client.force_login(EditorFactory())
    RepublicationFactory(post__title="Lisez le Cluetrain Manifesto", original_url="https://mag.example/cluetrain")
    response = add_republication(
        french_client, post=PostFactory().pk, column=ColumnFactory().pk, original_url="https://mag.example/cluetrain"
    )
    # French typography: no-break space inside the quotes, narrow before the closing one.
    assert "Cet original est déjà lié à l’article «\u202fLisez le Cluetrain Manifesto\u202f»." in page(response)
    assert Republication.objects.count() == 1


@pytest.mark.parametrize(
    "url",
    [
        "https://mag.example/cluetrain/",
        "http://mag.example/cluetrain",
        "https://WWW.Mag.example/cluetrain",
        "https://mag.example:443/cluetrain",
        "https://mag.example./cluetrain",
        "https://mag.example//cluetrain",
    ],
)
def test_the_same_original_written_another_way_is_refused_too(client, editor, url):
    """A closing slash, http for https, `www.` or a capital in the host: still the same magazine page."""
    RepublicationFactory(post__title="Lisez le Cluetrain Manifesto", original_url="https://mag.example/cluetrain")
    response = add_republication(client, post=PostFactory().pk, column=ColumnFactory().pk, original_url=url)
    assert "This original is already linked to the post “Lisez le Cluetrain Manifesto”." in page(response)
    assert Republication.objects.count() == 1


def test_an_address_with_an_impossible_port_is_stored_without_an_error_page(client, editor):
    """Django's URL check lets a port of 99999 through; comparing it with the other originals must not fail."""
    response = add_republication(
        client,
        post=PostFactory().pk,
        column=ColumnFactory().pk,
        original_url="http://localhost:99999/x",
        original_status="unknown",
    )
    assert response.status_code == 302
    assert Republication.objects.get().original_url == "http://localhost:99999/x"


def test_an_address_with_a_space_is_not_said_to_lack_its_https(client, editor):
    response = add_republication(
        client, post=PostFactory().pk, column=ColumnFactory().pk, original_url="https://mag example/x"
    )
    html = page(response)
    assert "This is not a web address: check it for a space or a missing dot." in html
    assert "starting with https://" not in html


def test_correcting_the_original_s_address_forgets_what_was_found_at_the_old_one(client, editor):
    """An original found gone (or moved), then given its right address: the post shows it again at once."""
    piece = RepublicationFactory(
        original_url="https://mag.example/gone",
        original_status="gone",
        moved_to_url="https://mag.example/elsewhere",
        failed_checks=2,
    )
    data = post_change_data(piece.post, original_url="https://mag.example/found", column=piece.column.pk)
    data.update({"republication-INITIAL_FORMS": "1", "republication-0-id": piece.pk})
    data.update({"republication-0-original_title": piece.original_title, "republication-0-archive_url": ""})
    response = client.post(f"/admin/blog/post/{piece.post.pk}/change/", data)
    assert response.status_code == 302, page(response)
    piece.refresh_from_db()
    assert (piece.original_url, piece.original_status, piece.moved_to_url, piece.failed_checks) == (
        "https://mag.example/found",
        "unknown",
        "",
        0,
    )
    assert 'href="https://mag.example/found"' in client.get(piece.post.get_absolute_url()).content.decode()


def test_a_post_is_linked_at_most_once(client, editor):
    """A post that already has an original cannot get a second one."""
    existing = RepublicationFactory(original_url="https://mag.example/first")
    response = add_republication(
        client, post=existing.post.pk, column=existing.column.pk, original_url="https://mag.example/second"
    )
    assert "This post is already linked to an original (" in page(response)
    assert Republication.objects.count() == 1


def test_republication_list_filters_and_search(client, editor):
    """The list shows post, column, original date and status; filters and search narrow it."""
    other_column = ColumnFactory(
        name="Billets", slug="billets", publication=PublicationFactory(name="Le Temps", slug="le-temps")
    )
    RepublicationFactory(post__title="Parler comme un être humain", original_status="online")
    RepublicationFactory(post__title="Lisez le Cluetrain Manifesto", original_status="gone")
    RepublicationFactory(post__title="Un billet du Temps", column=other_column)
    listing = page(client.get("/admin/columns/republication/"))
    for text in ("Parler comme un être humain", "Chroniques du monde connecté", "Gone", "Online", "Not checked yet"):
        assert text in listing
    gone = page(client.get("/admin/columns/republication/?original_status__exact=gone"))
    assert "Lisez le Cluetrain" in gone and "Parler comme" not in gone
    by_publication = page(
        client.get(f"/admin/columns/republication/?column__publication__id__exact={other_column.publication.pk}")
    )
    assert "Un billet du Temps" in by_publication and "Parler comme" not in by_publication
    by_column = page(client.get(f"/admin/columns/republication/?column__id__exact={other_column.pk}"))
    assert "Un billet du Temps" in by_column and "Lisez le" not in by_column
    found = page(client.get("/admin/columns/republication/?q=cluetrain"))
    assert "Lisez le Cluetrain" in found and "Parler comme" not in found


def test_the_list_says_under_each_status_when_the_original_was_last_checked(french_client, editor):
    """« vérifié le … » under the status, with the failed checks in a row; nothing under one never checked."""
    checked = datetime.datetime(2026, 11, 3, 14, 5, tzinfo=datetime.UTC)
    RepublicationFactory(post__title="Disparu", original_status="gone", checked_at=checked, failed_checks=3)
    RepublicationFactory(post__title="En ligne", original_status="online", checked_at=checked)
    RepublicationFactory(post__title="Jamais vérifié")
    french_client.force_login(editor)
    listing = french_client.get("/admin/columns/republication/").content.decode()
    assert (
        'Disparu<br><span class="list-detail">vérifié le 3 novembre 2026, 15:05, 3 échecs d’affilée</span>' in listing
    )
    assert 'En ligne<br><span class="list-detail">vérifié le 3 novembre 2026, 15:05</span>' in listing
    assert '<td class="field-status_and_check">Pas encore vérifié</td>' in listing


def test_post_is_chosen_with_autocomplete(client, editor):
    """The republication form picks its post through the admin's autocomplete, which searches titles."""
    PostFactory(title="Lisez le Cluetrain Manifesto")
    PostFactory(title="Autre chose")
    form = client.get("/admin/columns/republication/add/").content.decode()
    assert 'class="admin-autocomplete' in form and 'name="post"' in form
    answer = client.get(
        "/admin/autocomplete/",
        {"app_label": "columns", "model_name": "republication", "field_name": "post", "term": "cluetrain"},
    ).json()
    assert [result["text"] for result in answer["results"]] == ["Lisez le Cluetrain Manifesto"]


def test_candidates_list_posts_that_mention_a_publication_and_link_them_one_by_one(client, editor):
    """Published, unlinked posts naming the publication are listed; linking one takes it off the list."""
    column = ColumnFactory()
    candidate = PostFactory(
        title="Passion et authenticité",
        body="Chroniques du monde connecté : cet article a été initialement publié dans Les Quotidiennes.",
    )
    RepublicationFactory(post__title="Déjà lié", post__body="initialement publié dans Les Quotidiennes")
    PostFactory(title="Brouillon", status="draft", body="publié dans les quotidiennes")
    PostFactory(title="Sans rapport", body="Rien à voir.")
    listing = page(client.get("/admin/columns/republication/"))
    assert 'href="/admin/columns/republication/candidates/"' in listing
    candidates = page(client.get("/admin/columns/republication/candidates/"))
    assert "Passion et authenticité" in candidates
    assert "initialement publié dans Les Quotidiennes" in candidates
    for absent in ("Déjà lié", "Brouillon", "Sans rapport"):
        assert absent not in candidates
    link = f"/admin/columns/republication/add/?post={candidate.pk}&original_title=Passion+et+authenticit%C3%A9"
    assert link in candidates
    add_url = f"{link}&from_candidates=1&column={column.pk}"
    assert add_url in candidates
    form = page(client.get(add_url))
    assert f'<option value="{candidate.pk}" selected>Passion et authenticité</option>' in form
    assert f'<option value="{column.pk}" selected>' in form
    response = client.post(
        add_url,
        {
            "post": candidate.pk,
            "column": column.pk,
            "original_url": "https://mag.example/passion",
            "original_title": "Passion et authenticité",
            "archive_url": "",
            "original_status": "unknown",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/admin/columns/republication/candidates/"
    candidates = page(client.get("/admin/columns/republication/candidates/"))
    assert "is now linked to its original" in candidates
    assert f"?post={candidate.pk}&" not in candidates


def test_candidates_are_for_editors_only(client):
    """An author without rights on columns cannot open the candidates list."""
    client.force_login(AuthorFactory())
    assert client.get("/admin/columns/republication/candidates/").status_code == 403


def test_publication_and_column_admins(client, editor):
    """Editors list publications and columns; a column has its description in both languages."""
    column = ColumnFactory()
    assert "Les Quotidiennes" in page(client.get("/admin/columns/publication/"))
    assert "Chroniques du monde connecté" in page(client.get("/admin/columns/column/"))
    form = page(client.get(f"/admin/columns/column/{column.pk}/change/?language=en"))
    assert "I write a weekly column for Les Quotidiennes" in form
    assert "?language=fr" in form


def test_publication_website_must_be_a_full_address(client, editor):
    """A publication's website typed without https:// is refused, not silently completed."""
    response = client.post(
        "/admin/columns/publication/add/",
        {"name": "Le Temps", "slug": "le-temps", "url": "letemps.example", "language": "fr"},
    )
    assert "Enter the full address, starting with https:// or http://." in page(response)
    assert not Publication.objects.filter(slug="le-temps").exists()


def test_a_column_piece_is_not_listed_as_missing_the_summary_its_column_lends(client, editor):
    """Readers see the column's English description as a French piece's summary: the post list counts it too.
    A column without an English description lends nothing."""
    lent = RepublicationFactory(post=PostFactory(title="Passion et authenticité")).post
    bare_column = ColumnFactory(name="Billets", slug="billets", description={"fr": "En français seulement."})
    bare = RepublicationFactory(post=PostFactory(title="Sans description anglaise"), column=bare_column).post
    PostFactory(title="Billet sans résumé")
    missing = client.get("/admin/blog/post/?other_summary=missing").content.decode()
    assert lent.title not in missing
    assert bare.title in missing and "Billet sans résumé" in missing
    present = client.get("/admin/blog/post/?other_summary=present").content.decode()
    assert lent.title in present and bare.title not in present
    listing = client.get("/admin/blog/post/").content.decode()
    row = listing[listing.index("Passion et authenticit") :]
    assert 'field-has_other_summary"><img src="/static/admin/img/icon-yes.svg" alt="True">' in row[:2000]
