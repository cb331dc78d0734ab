import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.timezone import localtime

from blog.models import Post, Revision, RevisionKind
from tests.factories import AuthorFactory, EditorFactory, PostFactory
from tests.xss import OWN_VECTORS, script_problems

pytestmark = pytest.mark.django_db


def form_data(post, **changes):
    summaries = {t.language_code: t.summary for t in post.translations.all()}
    data = {
        "title": post.title,
        "slug": post.slug,
        "language": post.language,
        "body": post.body,
        "summary_fr": summaries.get("fr", ""),
        "summary_en": summaries.get("en", ""),
        "status": post.status,
        "published_at_0": localtime(post.published_at).strftime("%Y-%m-%d") if post.published_at else "",
        "published_at_1": localtime(post.published_at).strftime("%H:%M:%S") if post.published_at else "",
        "allow_comments": "on",
        "tags": ", ".join(t.name for t in post.tags.all()),
    }
    return {**data, **changes}


def save(client, post, **changes):
    """Submit the post's change form with `changes` over what it holds."""
    response = client.post(f"/admin/blog/post/{post.pk}/change/", form_data(post, **changes))
    assert response.status_code == 302, response.content.decode()[:3000]
    post.refresh_from_db()
    return post


def history(client, post):
    response = client.get(f"/admin/blog/post/{post.pk}/history/")
    assert response.status_code == 200
    return response.content.decode()


def test_every_save_keeps_a_version_with_who_and_what(client):
    """Each save in the admin adds a version to the History page, naming who saved and what changed."""
    author = AuthorFactory(display_name="Claire Martin")
    post = PostFactory(author=author, title="Premier titre", tags=["web"])
    client.force_login(author)
    save(client, post, title="Second titre")
    save(client, post, body="Un corps tout neuf.", summary_en="A new summary.")
    html = history(client, post)
    assert post.revisions.count() == 3  # as found before the first save, then two saves
    assert "Claire Martin" in html
    assert "Title" in html and "Body, summary in English" in html
    assert "As it was before revisions were kept" in html


def test_the_history_names_the_fields_in_french_for_a_french_author(french_client):
    """The admin's log keeps field names untranslated and translates them when shown: « Titre », « Texte »."""
    author = AuthorFactory()
    post = PostFactory(author=author, title="Premier titre")
    french_client.force_login(author)
    save(french_client, post, title="Second titre", body="Un texte neuf.")
    save(french_client, post, body="Un autre texte.", summary_en="A summary.")
    html = history(french_client, post)
    assert "Champs modifiés\u202f: Titre et Texte." in html  # Django's « Modification de Titre et Texte. »
    assert "Texte, résumé en anglais" in html
    assert "Title" not in html and "Body" not in html


def test_a_save_that_changes_nothing_adds_no_version(client):
    """Saving the form untouched keeps the list of versions as it was."""
    post = PostFactory()
    client.force_login(post.author)
    save(client, post, title="Changé")
    save(client, post)
    assert post.revisions.count() == 2


def test_a_save_that_changes_nothing_adds_no_version_though_the_browser_sends_its_line_breaks(client):
    """Browsers send a textarea's line breaks as CR LF: an imported post saved untouched is not recorded as edited."""
    body = "Premier paragraphe.\n\nSecond paragraphe,\nsur deux lignes."
    post = PostFactory(body=body, summary={"en": "One line.\nTwo."})
    client.force_login(post.author)
    save(client, post, title="Changé")
    typed = form_data(post)
    crlf = {name: typed[name].replace("\n", "\r\n") for name in ("body", "summary_en")}
    assert "\r\n" in crlf["body"] and "\r\n" in crlf["summary_en"]
    save(client, post, **crlf)
    assert post.revisions.count() == 2
    assert "\r" not in post.body
    log = history(client, post)
    assert log.count("Changed Title.") == 1
    assert "No fields changed." in log
    assert "Body" not in log and "summary" not in log


def test_version_keeps_title_body_both_summaries_tags_language_and_status(client):
    """A version holds everything the author wrote, both summaries included."""
    post = PostFactory(language="fr", tags=["Internet", "écriture"], summary={"en": "English.", "fr": "Français."})
    client.force_login(post.author)
    save(client, post, title="Titre", status="draft")
    assert post.revisions.first().data == {
        "title": "Titre",
        "language": "fr",
        "status": "draft",
        "body": post.body,
        "summary_fr": "Français.",
        "summary_en": "English.",
        "tags": ["Internet", "écriture"],
    }


def test_diff_shows_removed_and_added_lines_escaped(client):
    """The comparison shows removed and added lines; what was typed stays text, never markup."""
    post = PostFactory(body="Ligne une.\nLigne deux.\nLigne trois.")
    client.force_login(post.author)
    save(client, post, body="Ligne une.\n" + OWN_VECTORS[0] + "\nLigne trois.")
    first = post.revisions.order_by("pk").first()
    html = client.get(f"/admin/blog/post/{post.pk}/revisions/{first.pk}/").content.decode()
    assert '<ins><span class="sign" aria-hidden="true">+</span>Ligne deux.</ins>' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert OWN_VECTORS[0] not in html
    for payload in OWN_VECTORS:
        save(client, post, title=payload, body=payload)
        latest = post.revisions.first()
        html = client.get(f"/admin/blog/post/{post.pk}/revisions/{latest.pk}/").content.decode()
        diffs = re.findall(r'<section class="revision-diff">.*?</section>', html, re.S)
        assert diffs and script_problems("".join(diffs)) == [], payload


def test_restore_brings_back_the_words_and_keeps_the_replaced_version(client):
    """Restoring an earlier version brings back title, body, summaries and tags; the replaced one stays in History."""
    post = PostFactory(title="Original", body="Corps original.", tags=["web"], summary={"en": "First."})
    client.force_login(post.author)
    save(client, post, title="Abîmé", body="Corps abîmé.", tags="autre", summary_en="Damaged.")
    original = post.revisions.get(kind=RevisionKind.FOUND)
    response = client.post(f"/admin/blog/post/{post.pk}/revisions/{original.pk}/")
    assert response.status_code == 302
    post = Post.objects.get(pk=post.pk)
    assert (post.title, post.body) == ("Original", "Corps original.")
    assert [t.name for t in post.tags.all()] == ["web"]
    assert post.summaries() == [("en", "First.")]
    assert '<div class="body"><p>Corps original.</p></div>' in client.get(post.get_absolute_url()).content.decode()
    kinds = list(post.revisions.values_list("kind", flat=True))
    assert kinds == [RevisionKind.RESTORED, RevisionKind.SAVED, RevisionKind.FOUND]
    assert post.revisions.get(kind=RevisionKind.SAVED).data["title"] == "Abîmé"  # nothing lost
    assert "Restored the version of" in history(client, post)


def test_restore_never_changes_the_status(client):
    """Bringing back a version written while the post was a draft does not unpublish it."""
    post = PostFactory(status="draft", title="Brouillon")
    client.force_login(post.author)
    save(client, post, title="Publié", status="published")
    client.post(f"/admin/blog/post/{post.pk}/revisions/{post.revisions.get(kind=RevisionKind.FOUND).pk}/")
    post.refresh_from_db()
    assert (post.title, post.status) == ("Brouillon", "published")


def test_restore_needs_a_post_request_and_the_right_to_edit_the_post(client):
    """A GET only shows the comparison; another author can neither see nor restore the versions."""
    post = PostFactory(title="À moi")
    client.force_login(post.author)
    save(client, post, title="Toujours à moi")
    first = post.revisions.order_by("pk").first()
    assert client.get(f"/admin/blog/post/{post.pk}/revisions/{first.pk}/").status_code == 200
    assert Post.objects.get(pk=post.pk).title == "Toujours à moi"
    client.force_login(AuthorFactory())
    assert client.get(f"/admin/blog/post/{post.pk}/revisions/{first.pk}/").status_code in (302, 404)
    assert client.post(f"/admin/blog/post/{post.pk}/revisions/{first.pk}/").status_code in (302, 404)
    assert Post.objects.get(pk=post.pk).title == "Toujours à moi"
    client.force_login(EditorFactory())
    assert client.get(f"/admin/blog/post/{post.pk}/revisions/{first.pk}/").status_code == 200


def test_publish_action_keeps_a_version(client):
    """Publishing from the list keeps the draft as it was and the published one."""
    post = PostFactory(status="draft")
    client.force_login(post.author)
    client.post("/admin/blog/post/", {"action": "publish", "_selected_action": [post.pk]})
    assert [r.data["status"] for r in post.revisions.all()] == ["published", "draft"]


def test_history_page_queries_do_not_grow_with_versions(client):
    """The History page reads the versions in a fixed number of queries."""
    post = PostFactory()
    client.force_login(post.author)
    for number in range(3):
        save(client, post, title=f"Titre {number}")
    with CaptureQueriesContext(connection) as few:
        history(client, post)
    for number in range(10):
        save(client, post, title=f"Autre {number}")
    with CaptureQueriesContext(connection) as many:
        history(client, post)
    assert len(few) == len(many)
    assert Revision.objects.count() == 14


def test_history_of_a_post_never_saved_in_the_admin_says_so(client):
    """An imported post, never saved in the admin, opens its History page (no versions yet) rather than failing."""
    author = AuthorFactory()
    post = PostFactory(author=author, title="Billet importé")
    client.force_login(author)
    assert post.revisions.count() == 0
    html = history(client, post)
    assert "Billet importé" in html
