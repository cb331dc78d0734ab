import io
import json
import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from media.models import MediaItem
from media.services import create_from_file
from tests.factories import AuthorFactory, EditorFactory, PostFactory
from tests.media.conftest import picture

pytestmark = pytest.mark.django_db


def jpeg(name="photo.jpg", size=(700, 500)):
    return SimpleUploadedFile(name, picture(size=size), content_type="image/jpeg")


@pytest.fixture
def staff_client(client, author):
    client.force_login(author)
    return client


def add_item(user, name="vacances.jpg", alt="Une plage", **fields):
    return create_from_file(io.BytesIO(picture(size=(600, 400))), name, alt=alt, uploaded_by=user, **fields)


def test_an_author_uploads_a_picture_with_its_description(staff_client, media_root, author):
    """The Media list's add form stores the file, its alt text, caption and credit."""
    response = staff_client.post(
        "/admin/media/mediaitem/add/",
        {"upload": jpeg("Fête.jpg"), "alt_text": "Des amis", "caption": "La fête", "credit": "Photo : Anne"},
        follow=True,
    )
    assert response.status_code == 200
    item = MediaItem.objects.get()
    assert (item.alt_text, item.caption, item.credit, item.uploaded_by) == (
        "Des amis",
        "La fête",
        "Photo : Anne",
        author,
    )
    listing = staff_client.get("/admin/media/mediaitem/?q=fête").content.decode()
    assert 'class="media-thumbnail"' in listing and "Fête.jpg" in listing


def test_view_on_site_opens_the_file(staff_client, media_root, author):
    """The change page's "View on site" led back to the change page."""
    item = create_from_file(io.BytesIO(picture(size=(600, 400))), "vue.jpg", alt="Une vue", uploaded_by=author)
    page = staff_client.get(f"/admin/media/mediaitem/{item.pk}/change/").content.decode()
    link = re.search(r'href="([^"]+)" class="viewsitelink"', page).group(1)
    assert staff_client.get(link)["Location"].endswith(item.url)


def test_a_bad_file_in_the_add_form_keeps_what_was_typed_and_stores_nothing(staff_client, media_root):
    """A text file named .jpg: the form says why, keeps the caption typed, and nothing is stored."""
    response = staff_client.post(
        "/admin/media/mediaitem/add/",
        {"upload": SimpleUploadedFile("notes.jpg", b"not a picture"), "alt_text": "x", "caption": "Ma légende"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "is not a picture, although its name says so" in html
    assert 'value="Ma légende"' in html
    assert not MediaItem.objects.exists() and not media_root.exists() or not any(media_root.rglob("*.*"))


def test_a_picture_needs_alt_text(staff_client, media_root):
    """Uploading a picture without alt text is refused with an explanation."""
    response = staff_client.post("/admin/media/mediaitem/add/", {"upload": jpeg(), "alt_text": " "})
    assert "Describe what the picture shows" in response.content.decode()
    assert not MediaItem.objects.exists()


def test_authors_manage_their_own_uploads_and_editors_all(client, media_root, author):
    """An author sees and edits only her uploads; an editor sees and edits everyone's."""
    other = add_item(AuthorFactory(username="bruno"), name="bruno.jpg", caption="La photo de Bruno")
    mine = add_item(author, name="claire.jpg", caption="La photo de Claire")
    client.force_login(author)
    listing = client.get("/admin/media/mediaitem/").content.decode()
    assert "La photo de Claire" in listing and "La photo de Bruno" not in listing
    assert client.get(f"/admin/media/mediaitem/{mine.pk}/change/").status_code == 200
    assert client.get(f"/admin/media/mediaitem/{other.pk}/change/").status_code == 302  # "doesn't exist" redirect
    client.force_login(EditorFactory())
    listing = client.get("/admin/media/mediaitem/").content.decode()
    assert "La photo de Claire" in listing and "La photo de Bruno" in listing
    assert client.get(f"/admin/media/mediaitem/{other.pk}/change/").status_code == 200


def test_a_picture_used_by_a_post_cannot_be_deleted_and_the_page_names_the_post(staff_client, media_root, author):
    """The post would show a broken picture: the delete page names it instead, and neither a confirmation
    nor the list's bulk action deletes the file; once the post no longer shows it, it can go."""
    item = add_item(author)
    post = PostFactory(author=author, title="Souvenirs de l'été", body=f"![Plage]({item.url})")
    html = staff_client.get(f"/admin/media/mediaitem/{item.pk}/delete/").content.decode()
    assert "it cannot be deleted, or the post would show a broken picture" in html
    assert f'<a href="/admin/blog/post/{post.pk}/change/">Souvenirs de l&#x27;été</a>' in html
    assert 'value="Yes, I’m sure"' not in html
    staff_client.post(f"/admin/media/mediaitem/{item.pk}/delete/", {"post": "yes"})
    bulk = {"action": "delete_selected", "_selected_action": [item.pk], "post": "yes"}
    staff_client.post("/admin/media/mediaitem/", bulk)
    assert MediaItem.objects.filter(pk=item.pk).exists()
    assert default_storage.exists(item.file.name)
    post.body = "Plus d'image."
    post.save()
    staff_client.post(f"/admin/media/mediaitem/{item.pk}/delete/", {"post": "yes"})
    assert not MediaItem.objects.exists()


def test_usage_follows_the_body(media_root, author):
    """A post uses the items its body shows, and stops when the picture is removed from the body."""
    item = add_item(author)
    post = PostFactory(author=author, body=f"![Plage]({item.url})")
    assert list(item.posts.all()) == [post]
    post.body = "Plus d'image."
    post.save()
    assert list(item.posts.all()) == []


def test_the_editor_upload_answers_with_markdown(staff_client, media_root):
    """The body editor posts a file and gets JSON with the Markdown to insert."""
    response = staff_client.post("/admin/media/mediaitem/upload/", {"file": jpeg("Plage à Nice.jpg")})
    assert response.status_code == 201
    data = response.json()
    item = MediaItem.objects.get()
    assert data["markdown"] == f"![]({item.url})"
    assert data["needs_alt_text"] is True
    assert data["change_url"] == f"/admin/media/mediaitem/{item.pk}/change/"


def test_the_editor_upload_refuses_bad_files_in_the_authors_language(author, media_root):
    """A French author dropping an SVG reads why in French, and nothing is stored."""
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    client.force_login(author)
    response = client.post("/admin/media/mediaitem/upload/", {"file": SimpleUploadedFile("logo.svg", b"<svg/>")})
    assert response.status_code == 400
    assert response.json()["error"].startswith("Les fichiers SVG sont refusés")
    assert not MediaItem.objects.exists()


def test_the_editor_upload_needs_a_staff_login_and_the_csrf_token(author, media_root):
    """Readers are sent to the login page; a forged cross-site post is refused."""
    assert Client().post("/admin/media/mediaitem/upload/", {"file": jpeg()}).status_code == 302
    forged = Client(enforce_csrf_checks=True)
    forged.force_login(author)
    assert forged.post("/admin/media/mediaitem/upload/", {"file": jpeg()}).status_code == 403
    assert not MediaItem.objects.exists()


def test_describing_a_picture_from_the_editor_updates_posts(staff_client, media_root, author):
    """Alt text and credit saved from the editor's panel reach the post that shows the picture."""
    item = add_item(author, alt="")
    post = PostFactory(author=author, body=f"![]({item.url})")
    response = staff_client.post(
        f"/admin/media/mediaitem/{item.pk}/describe/",
        {"alt_text": "Une plage", "caption": "", "credit": "Photo : Anne"},
    )
    assert response.status_code == 200
    assert json.loads(response.content)["markdown"] == f"![Une plage]({item.url})"
    post.refresh_from_db()
    assert 'alt="Une plage"' in post.body_html and "<small>Photo : Anne</small>" in post.body_html
    refused = staff_client.post(f"/admin/media/mediaitem/{item.pk}/describe/", {"alt_text": ""})
    assert refused.status_code == 400 and "Describe what the picture shows" in refused.json()["error"]


def test_a_post_cannot_be_published_with_a_picture_lacking_alt_text(staff_client, media_root, author):
    """Publishing is refused while a library picture has no alt text; a draft may wait."""
    item = add_item(author, name="sans-alt.jpg", alt="")
    form = {
        "title": "Un billet",
        "slug": "un-billet",
        "language": "fr",
        "body": f"Texte.\n\n![]({item.url})",
        "summary": "",
        "status": "published",
        "published_at_0": "2026-01-10",
        "published_at_1": "10:00:00",
        "allow_comments": "on",
        "tags": "",
        "republication-TOTAL_FORMS": "0",
        "republication-INITIAL_FORMS": "0",
    }
    response = staff_client.post("/admin/blog/post/add/?language=fr", form)
    html = response.content.decode()
    assert "give this picture an alt text (what it shows): " in html
    link = f'<a href="/admin/media/mediaitem/{item.pk}/change/" target="_blank">“sans-alt.jpg”</a>'
    assert link in html  # where she writes it, in a tab of its own: the post form keeps what she typed
    french = staff_client.post("/admin/blog/post/add/?language=fr", form, HTTP_ACCEPT_LANGUAGE="fr")
    assert 'target="_blank">«\u202fsans-alt.jpg\u202f»</a>' in french.content.decode()
    response = staff_client.post("/admin/blog/post/add/?language=fr", {**form, "status": "draft"})
    assert response.status_code == 302
    form["body"] = f"Texte.\n\n![Une rue la nuit]({item.url})"
    response = staff_client.post("/admin/blog/post/add/?language=fr", {**form, "slug": "un-autre"})
    assert response.status_code == 302


def test_bulk_publish_keeps_a_post_with_a_picture_lacking_alt_text_in_draft(staff_client, media_root, author):
    """The list's "Publish" action publishes the others and says which post waits for an alt text."""
    item = add_item(author, name="sans-alt.jpg", alt="")
    waiting = PostFactory(author=author, title="Photo sans description", status="draft", body=f"![]({item.url})")
    ready = PostFactory(author=author, title="Texte seul", status="draft", body="Rien à décrire.")
    response = staff_client.post(
        "/admin/blog/post/",
        {"action": "publish", "_selected_action": [waiting.pk, ready.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "1 post published." in html
    assert "Photo sans description" in html and "sans-alt.jpg" in html
    waiting.refresh_from_db()
    ready.refresh_from_db()
    assert (waiting.status, ready.status) == ("draft", "published")


def test_the_post_form_carries_the_upload_script_as_a_file(staff_client):
    """The body textarea knows where to upload; the script is a deferred file, nothing inline."""
    html = staff_client.get("/admin/blog/post/add/").content.decode()
    assert 'data-media-upload="/admin/media/mediaitem/upload/"' in html
    assert '<script src="/static/media/editor-upload.js" defer></script>' in html


def test_a_storage_failure_in_the_add_form_keeps_what_was_typed(staff_client, media_root, monkeypatch):
    """The Media list's add form, disk full: the form comes back with the reason and the typed text."""
    from django.core.files.storage import default_storage

    def full(name, content, **kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr(default_storage, "save", full)
    staff_client.cookies["django_language"] = "fr"
    response = staff_client.post(
        "/admin/media/mediaitem/add/",
        {"upload": jpeg(), "alt_text": "Une plage à Étretat", "caption": "L’été", "credit": "Photo : Anne"},
        headers={"accept-language": "fr"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Le fichier n’a pas pu être enregistré" in html
    assert 'value="Une plage à Étretat"' in html and 'value="L’été"' in html
    assert not MediaItem.objects.exists()


def test_a_storage_failure_answers_with_a_message_not_a_crash(staff_client, media_root, monkeypatch):
    """If the disk or bucket fails, the editor is told to try again, and nothing is kept."""
    from django.core.files.storage import default_storage

    def full(name, content, **kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr(default_storage, "save", full)
    response = staff_client.post("/admin/media/mediaitem/upload/", {"file": jpeg()})
    assert response.status_code == 503
    assert response.json()["error"] == "The file could not be stored; nothing was kept. Try again."
    assert not MediaItem.objects.exists()


def test_the_library_lists_the_pictures_still_to_describe(staff_client, media_root, author):
    """The alt text filter finds the pictures that would keep a post from being published."""
    add_item(author, name="decrite.jpg", alt="Un lac")
    add_item(author, name="muette.jpg", alt="")
    add_item(author, name="blanche.jpg", alt="   ")
    missing = staff_client.get("/admin/media/mediaitem/?alt_text=missing").content.decode()
    present = staff_client.get("/admin/media/mediaitem/?alt_text=present").content.decode()
    assert "muette.jpg" in missing and "blanche.jpg" in missing and "decrite.jpg" not in missing
    assert "decrite.jpg" in present and "muette.jpg" not in present
