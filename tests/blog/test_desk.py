"""The writing desk's endpoints: the live preview and the autosaved draft of the post form."""

import json

import pytest
from django.test import Client

from blog.models import PostDraft
from tests.factories import AuthorFactory, EditorFactory, PostFactory, UserFactory
from tests.xss import OWN_VECTORS, script_problems, shared_vectors

pytestmark = pytest.mark.django_db

PREVIEW = "/admin/blog/post/desk/preview/"
AUTOSAVE = "/admin/blog/post/desk/autosave/"


def autosave(client, payload, **extra):
    body = payload if isinstance(payload, str | bytes) else json.dumps(payload)
    return client.post(AUTOSAVE, body, content_type="application/json", **extra)


def test_preview_renders_markdown_as_the_published_post_does(client):
    """The preview answers the body rendered like the post page, printed as French wants, with its word count and
    reading time."""
    post = PostFactory(body="# Titre\n\nL'été, *enfin* : « là ».\n\n<!--more-->\n\nLa suite.")
    client.force_login(post.author)
    response = client.post(PREVIEW, {"body": post.body, "language": "fr"})
    assert response.status_code == 200
    page = client.get(post.get_absolute_url()).content.decode()
    assert response.content.decode() in page
    assert "<p>L’été, <em>enfin</em>\u202f: «\u202flà\u202f».</p>" in response.content.decode()
    assert response["X-Word-Count"] == "6"  # Titre, L'été, enfin, là, La, suite
    assert response["X-Reading-Minutes"] == "1"
    assert "no-cache" in response["Cache-Control"]


def test_preview_of_an_english_post_keeps_its_spaces(client):
    """English puts no space before its colon, and keeps the spaces typed around French quotation marks."""
    client.force_login(AuthorFactory())
    html = client.post(PREVIEW, {"body": "Quoted : « là ».", "language": "en"}).content.decode()
    assert html == "<p>Quoted : « là ».</p>"


def test_preview_of_imported_html_cleans_it(client):
    """A post imported as HTML is previewed as HTML, cleaned."""
    client.force_login(AuthorFactory())
    html = client.post(PREVIEW, {"body": "<p>Un <b>mot</b></p><script>x</script>", "markup": "html"}).content.decode()
    assert html == "<p>Un <b>mot</b></p>"


def test_preview_counts_a_long_post(client):
    """A 3,000-word body: 3,000 words, 14 minutes."""
    client.force_login(AuthorFactory())
    response = client.post(PREVIEW, {"body": "mot " * 3000})
    assert (response["X-Word-Count"], response["X-Reading-Minutes"]) == ("3000", "14")


def test_preview_is_for_staff_who_write(client):
    """Visitors and readers are sent to the login page; staff without the right to write posts are refused."""
    assert client.post(PREVIEW, {"body": "x"}).status_code == 302
    client.force_login(UserFactory())
    assert client.post(PREVIEW, {"body": "x"}).status_code == 302
    client.force_login(UserFactory(is_staff=True))
    assert client.post(PREVIEW, {"body": "x"}).status_code == 403
    client.force_login(AuthorFactory())
    assert client.get(PREVIEW).status_code == 405


def test_preview_and_autosave_need_the_csrf_token():
    """Another site cannot make a logged-in author's browser call them."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(AuthorFactory())
    assert client.post(PREVIEW, {"body": "x"}).status_code == 403
    assert autosave(client, {"post": None, "data": {"body": "x"}}).status_code == 403
    assert not PostDraft.objects.exists()


@pytest.mark.parametrize("payload", OWN_VECTORS)
def test_preview_leaves_no_script(client, payload):
    """What the preview answers, put into the page by the editor, carries no script."""
    client.force_login(AuthorFactory())
    html = client.post(PREVIEW, {"body": f"Intro\n\n{payload}\n\n*{payload}*"}).content.decode()
    assert script_problems(html) == []


def test_preview_leaves_no_script_with_the_shared_vectors(client):
    """All 270 shared payloads come out of the preview harmless."""
    client.force_login(AuthorFactory())
    for index, payload in enumerate(shared_vectors()):
        html = client.post(PREVIEW, {"body": payload}).content.decode()
        assert script_problems(html) == [], f"vector {index}: {payload!r}"


def test_autosave_keeps_one_draft_per_post_and_one_for_a_new_post(client):
    """Each save replaces the author's draft of that form; the answer says when it was saved."""
    author = AuthorFactory()
    post = PostFactory(author=author)
    client.force_login(author)
    for text in ("L'été", "L'été est là"):
        response = autosave(client, {"post": post.pk, "data": {"body": text, "allow_comments": True}})
        assert response.status_code == 200
        assert response.json()["saved_at"]
    assert autosave(client, {"post": None, "data": {"title": "Nouveau", "tags": ["a"]}}).status_code == 200
    assert PostDraft.objects.get(post=post).data == {"body": "L'été est là", "allow_comments": True}
    assert PostDraft.objects.get(post=None).data == {"title": "Nouveau", "tags": ["a"]}


def test_autosave_only_touches_the_authors_own_drafts(client):
    """An author cannot save a draft on another's post, nor read or discard someone else's draft."""
    author = AuthorFactory()
    theirs = PostFactory()
    PostDraft.objects.create(user=theirs.author, post=theirs, data={"body": "Their words"})
    client.force_login(author)
    assert autosave(client, {"post": theirs.pk, "data": {"body": "mine"}}).status_code == 404
    assert autosave(client, {"post": theirs.pk, "discard": True}).status_code == 404
    assert PostDraft.objects.get().data == {"body": "Their words"}
    html = client.get("/admin/blog/post/add/").content.decode()
    assert "Their words" not in html
    editor = EditorFactory()
    client.force_login(editor)
    assert autosave(client, {"post": theirs.pk, "data": {"body": "an editor's"}}).status_code == 200
    assert PostDraft.objects.get(user=theirs.author).data == {"body": "Their words"}  # the editor has her own


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        b"\xff\xfe",
        "[]",
        '{"data": {"body": "x"}}',
        '{"post": "1", "data": {}}',
        '{"post": true, "data": {}}',
        '{"post": 100000000000000000000000, "data": {}}',
        '{"post": null}',
        '{"post": null, "data": []}',
        '{"post": null, "data": {"body": {"nested": 1}}}',
        '{"post": null, "data": {"tags": [1, 2]}}',
    ],
)
def test_autosave_refuses_bad_json_with_400(client, body):
    """Whatever is sent, a bad draft gets a 400 with a message, never a 500, and nothing is stored."""
    client.force_login(AuthorFactory())
    response = autosave(client, body)
    assert response.status_code == 400
    assert response.json()["error"] == "The draft could not be read."
    assert not PostDraft.objects.exists()


def test_autosave_message_in_french(french_client):
    """The refusal is written in the interface's language."""
    french_client.force_login(AuthorFactory())
    assert autosave(french_client, "{").json()["error"] == "Le brouillon n’a pas pu être lu."


def test_discard_drops_the_draft(client):
    """Discarding the unsaved text removes the author's draft."""
    post = PostFactory()
    PostDraft.objects.create(user=post.author, post=post, data={"body": "x"})
    client.force_login(post.author)
    assert autosave(client, {"post": post.pk, "discard": True}).json() == {"discarded": True}
    assert not PostDraft.objects.exists()


def test_the_form_offers_the_draft_and_saving_the_post_clears_it(client):
    """Coming back, the form carries the draft to restore; saving the post clears it (hers only)."""
    author = AuthorFactory()
    client.force_login(author)
    autosave(client, {"post": None, "data": {"title": "Écrire", "body": "</script><script>alert(1)</script>"}})
    PostDraft.objects.create(user=EditorFactory(), data={"title": "Another's new post"})
    html = client.get("/admin/blog/post/add/").content.decode()
    assert '<script id="desk-draft" type="application/json">' in html
    assert "\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)" in html  # data, not markup
    other = Client(HTTP_ACCEPT_LANGUAGE="en")
    other.force_login(AuthorFactory())
    assert html.count("<script") == other.get("/admin/blog/post/add/").content.decode().count("<script")
    response = client.post(
        "/admin/blog/post/add/",
        {"title": "Écrire", "slug": "ecrire", "language": "fr", "body": "Texte.", "status": "draft"},
    )
    assert response.status_code == 302
    assert list(PostDraft.objects.values_list("data__title", flat=True)) == ["Another's new post"]
