import datetime
import re

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from blog.models import Post, PostStatus
from tests.factories import AuthorFactory, EditorFactory, PostFactory

pytestmark = pytest.mark.django_db


def test_author_sees_and_edits_only_their_own_posts(client):
    """In the admin an author's post list holds their posts only, and others' posts are out of reach."""
    claire = AuthorFactory()
    mine = PostFactory(author=claire, title="Claire's post")
    theirs = PostFactory(title="Someone else's post")
    client.force_login(claire)
    listing = client.get("/admin/blog/post/").content.decode()
    assert "Claire&#x27;s post" in listing
    assert "Someone else" not in listing
    assert client.get(f"/admin/blog/post/{mine.pk}/change/").status_code == 200
    assert client.get(f"/admin/blog/post/{theirs.pk}/change/").status_code == 302  # "doesn't exist" redirect


def test_editor_sees_every_post(client):
    """An editor's post list holds every author's posts."""
    PostFactory(title="First author's post")
    PostFactory(title="Second author's post")
    client.force_login(EditorFactory())
    listing = client.get("/admin/blog/post/").content.decode()
    assert "First author" in listing and "Second author" in listing


POST_FORM = {
    "title": "Internet, espace de vie",
    "slug": "internet-espace-de-vie",
    "language": "fr",
    "body": "Un **espace social**.",
    "summary_en": "About the humanness of the internet.",
    "summary_fr": "",
    "status": "published",
    "published_at_0": "2016-09-01",
    "published_at_1": "10:00:00",
    "allow_comments": "on",
    "tags": "internet, médias sociaux",
}


def test_author_writes_a_post_with_summary_and_tags(client):
    """An author creates a French post with an English summary and tags from the admin form."""
    claire = AuthorFactory()
    client.force_login(claire)
    form = client.get("/admin/blog/post/add/").content.decode()
    assert 'id="id_summary_en"' in form and 'id="id_summary_fr"' in form
    assert "prepopulated" in form  # the slug follows the title as the author types
    response = client.post("/admin/blog/post/add/", POST_FORM)
    assert response.status_code == 302, response.content.decode()[:3000]
    post = Post.objects.get(slug="internet-espace-de-vie")
    assert post.author == claire
    assert post.summaries() == [("en", "About the humanness of the internet.")]
    assert not post.has_translation("fr")  # an empty summary leaves no row
    assert sorted(t.name for t in post.tags.all()) == ["internet", "médias sociaux"]
    page = client.get(post.get_absolute_url()).content.decode()
    assert "<strong>espace social</strong>" in page


def test_the_admin_speaks_french_with_french_typography(french_client):
    """Django's French typed a straight apostrophe where the author reads her admin: the message after adding a post,
    the date widget's « Aujourd’hui »."""
    french_client.force_login(AuthorFactory())
    response = french_client.post("/admin/blog/post/add/", POST_FORM, follow=True)
    messages = [strip_tags(str(message)) for message in response.context["messages"]]
    assert messages == ["L’objet article «\u202fInternet, espace de vie\u202f» a été ajouté avec succès."]
    catalog = french_client.get("/admin/jsi18n/").content.decode()
    assert r'"Today": "Aujourd\u2019hui"' in catalog  # JSON for « Aujourd’hui », where Django wrote « Aujourd'hui »


def test_both_summaries_on_one_page_the_other_language_first(client):
    """No language tabs: the summary in the other language comes first, labelled; the post's own is folded below."""
    french = PostFactory(language="fr", summary={"en": "In English."})
    english = PostFactory(language="en")
    client.force_login(EditorFactory())
    html = client.get(f"/admin/blog/post/{french.pk}/change/").content.decode()
    assert "?language=" not in html
    assert html.index('id="id_summary_en"') < html.index('id="id_summary_fr"')
    assert "Summary in English — a few lines, not a translation" in html
    assert '<details class="desk-summary form-row" data-language="fr"\n' in html  # folded: no "open"
    assert "\nIn English.</textarea>" in html
    html = client.get(f"/admin/blog/post/{english.pk}/change/").content.decode()
    assert html.index('id="id_summary_fr"') < html.index('id="id_summary_en"')


def test_both_summaries_saved_changed_and_removed(client):
    """Both summaries are saved from one form; emptying one removes it, and search forgets it."""
    post = PostFactory(language="fr", slug="billet", summary={"en": "Old English.", "fr": "Ancien résumé."})
    client.force_login(post.author)
    form = {**POST_FORM, "slug": "billet", "summary_en": "New English.", "summary_fr": "  "}
    response = client.post(f"/admin/blog/post/{post.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    post = Post.objects.get(pk=post.pk)
    assert post.summaries() == [("en", "New English.")]
    assert not post.has_translation("fr")
    assert post.get_absolute_url() in client.get("/search/?q=new+english").content.decode()
    assert post.get_absolute_url() not in client.get("/search/?q=ancien").content.decode()


def test_a_refused_form_keeps_everything_typed(client):
    """A form sent with an error comes back with every field as typed, both summaries included."""
    client.force_login(AuthorFactory())
    form = {**POST_FORM, "title": "", "summary_fr": "Un résumé « à garder »."}
    html = client.post("/admin/blog/post/add/", form).content.decode()
    assert "This field is required." in html
    assert "Un **espace social**.</textarea>" in html
    assert "About the humanness of the internet.</textarea>" in html
    assert "Un résumé « à garder ».</textarea>" in html
    assert Post.objects.count() == 0


def test_body_help_shows_the_more_mark_and_markdown_help_in_the_interface_language(client, french_client):
    """The <!--more--> mark is shown, not swallowed as a comment; the Markdown help follows the interface."""
    author = AuthorFactory()
    client.force_login(author)
    html = client.get("/admin/blog/post/add/").content.decode()
    assert "A line &lt;!--more--&gt; ends the excerpt." in html
    assert "Markdown help" in html
    french_client.force_login(author)
    html = french_client.get("/admin/blog/post/add/").content.decode()
    assert "&lt;!--more--&gt;" in html
    assert "Aide Markdown" in html and "Résumé en anglais — quelques lignes, pas une traduction" in html


def test_preview_renders_drafts_for_staff_only(client):
    """The preview, linked from the change form, renders a draft's Markdown for staff and no one else."""
    post = PostFactory(status=PostStatus.DRAFT, body="# Heading\n\n*emphasis*")
    preview_url = f"/preview/{post.pk}/"
    assert client.get(preview_url).status_code == 302  # to the login page
    client.force_login(post.author)
    change_form = client.get(f"/admin/blog/post/{post.pk}/change/").content.decode()
    assert f'href="{preview_url}"' in change_form
    response = client.get(preview_url)
    html = response.content.decode()
    assert "<h2>Heading</h2>" in html and "<em>emphasis</em>" in html
    assert "Preview" in html and "staff-banner" in html
    assert "no-cache" in response["Cache-Control"]


def test_author_cannot_preview_someone_elses_draft(client):
    """An author's preview is limited to their own posts."""
    post = PostFactory(status=PostStatus.DRAFT)
    client.force_login(AuthorFactory())
    assert client.get(f"/preview/{post.pk}/").status_code == 404


def test_list_columns_filters_and_search(client):
    """The post list shows title, language, status, date, author and tags, and can be searched and filtered."""
    tagged = PostFactory(title="Cluetrain 101", language="en", tags=["cluetrain"])
    PostFactory(title="Un brouillon", status=PostStatus.DRAFT)
    client.force_login(EditorFactory())
    listing = client.get("/admin/blog/post/").content.decode()
    for column in (
        "column-title",
        "column-language",
        "column-publication_status",
        "column-published_at",
        "column-author",
    ):
        assert column in listing
    assert "cluetrain" in listing
    assert "Un brouillon" not in client.get("/admin/blog/post/?status=published").content.decode()
    assert "Un brouillon" in client.get("/admin/blog/post/?status=draft").content.decode()
    assert "Un brouillon" not in client.get("/admin/blog/post/?q=cluetrain").content.decode()
    assert "Cluetrain 101" in client.get("/admin/blog/post/?language__exact=en").content.decode()
    by_tag = client.get(f"/admin/blog/post/?tag={tagged.tags.get().slug}").content.decode()
    assert "Cluetrain 101" in by_tag and "Un brouillon" not in by_tag


def test_the_tag_filter_offers_the_most_used_tags_and_the_one_chosen(client):
    """Hundreds of imported tags: the filter lists fifteen, the most used, and keeps a rare one once chosen."""
    client.force_login(EditorFactory())
    for number in range(20):
        PostFactory(tags=[f"rare-{number:02d}", *(["courant"] * (number < 3))])

    def offered(url):
        html = client.get(url).content.decode()
        section = html[html.index('data-filter-title="tag"') :]
        return re.findall(r'href="\?[^"]*tag=([^"&]+)"', section[: section.index("</details>")])

    assert len(offered("/admin/blog/post/")) == 15 and offered("/admin/blog/post/")[0] == "courant"
    assert "rare-19" not in offered("/admin/blog/post/")
    assert len(offered("/admin/blog/post/?tag=rare-19")) == 16 and "rare-19" in offered("/admin/blog/post/?tag=rare-19")


def test_an_author_s_tag_filter_offers_her_own_tags(client):
    author = AuthorFactory()
    PostFactory(author=author, tags=["mien"])
    PostFactory(tags=["autre", "autre-encore"])
    client.force_login(author)
    html = client.get("/admin/blog/post/").content.decode()
    section = html[html.index('data-filter-title="tag"') :]
    assert re.findall(r'href="\?tag=([^"&]+)"', section[: section.index("</details>")]) == ["mien"]


def test_filter_posts_missing_their_other_language_summary(client):
    """Editors can list the posts that still lack a summary in the other language."""
    PostFactory(title="Has its summary", language="fr", summary={"en": "Summary."})
    PostFactory(title="Only its own language", language="fr", summary={"fr": "Résumé."})
    PostFactory(title="No summary at all", language="en")
    client.force_login(EditorFactory())
    missing = client.get("/admin/blog/post/?other_summary=missing").content.decode()
    assert "Only its own language" in missing and "No summary at all" in missing
    assert "Has its summary" not in missing


def test_publish_and_unpublish_actions(client):
    """The list actions publish drafts (dated now if undated) and send posts back to draft."""
    draft = PostFactory(status=PostStatus.DRAFT, published_at=None)
    live = PostFactory()
    client.force_login(EditorFactory())
    client.post("/admin/blog/post/", {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == PostStatus.PUBLISHED
    assert timezone.now() - draft.published_at < datetime.timedelta(minutes=1)
    client.post("/admin/blog/post/", {"action": "unpublish", "_selected_action": [live.pk]})
    live.refresh_from_db()
    assert live.status == PostStatus.DRAFT
    assert client.get(live.get_absolute_url()).status_code == 200  # staff still sees it
    client.logout()
    assert client.get(live.get_absolute_url()).status_code == 404


def test_admin_post_list_query_count_does_not_grow(client, django_assert_max_num_queries):
    """The admin list prefetches authors, tags and summaries."""
    for _ in range(20):
        PostFactory(tags=["a", "b"], summary={"en": "s"})
    client.force_login(EditorFactory())
    with django_assert_max_num_queries(15):
        client.get("/admin/blog/post/")


def test_the_post_list_names_a_few_tags_and_counts_the_rest(client):
    """A post with forty tags keeps its row one line tall: the first five in dictionary order, then a count."""
    client.force_login(EditorFactory())
    PostFactory(title="Beaucoup d’étiquettes", tags=[f"tag {number:02d}" for number in range(40)] + ["été"])
    html = client.get("/admin/blog/post/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "été, tag 00, tag 01, tag 02, tag 03 et 36 autres" in html


def test_the_post_list_filters_scheduled_posts_as_its_status_column_shows_them(client):
    PostFactory(title="Pour demain", published_at=timezone.now() + datetime.timedelta(days=1))
    PostFactory(title="Déjà paru")
    client.force_login(EditorFactory())
    listing = client.get("/admin/blog/post/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<a href="?status=scheduled">Programmé</a>' in listing
    scheduled = client.get("/admin/blog/post/?status=scheduled").content.decode()
    assert "Pour demain" in scheduled and "Déjà paru" not in scheduled
    published = client.get("/admin/blog/post/?status=published").content.decode()
    assert "Déjà paru" in published and "Pour demain" not in published
