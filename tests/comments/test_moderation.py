import datetime
import html

import pytest
from django.core import mail

from comments.models import Comment, CommentStatus
from tests.factories import EditorFactory, PostFactory

from .conftest import comment_url, form_data
from .factories import CommentFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    editor = EditorFactory(email="editor@example.org", preferred_language="en")
    client.force_login(editor)
    return client


def test_comment_list_shows_what_a_moderator_needs(editor_client, post):
    """An editor sees post, author, excerpt and its date, status and why a comment waits, with status filters; why
    an approved comment was held once is left to its own page."""
    eve = CommentFactory(post=post, author_name="Eve", body="Un commentaire " * 20, status=CommentStatus.PENDING)
    eve.held_because = "first comment from this address"
    eve.save()
    CommentFactory(post=post, author_name="Yves", status=CommentStatus.APPROVED, held_because="3 links (more than 2)")
    Comment.objects.filter(pk=eve.pk).update(created_at=datetime.datetime(2026, 11, 3, 14, 5, tzinfo=datetime.UTC))
    html = editor_client.get("/admin/comments/comment/").content.decode()
    assert "Eve" in html
    assert "Humanité d&#x27;internet" in html
    assert "Un commentaire Un commentaire" in html and "…" in html
    assert 'Un commentaire Un commentaire…<br><span class="list-detail">November 3, 2026, 15:05</span>' in html
    assert 'Pending<br><span class="list-detail">first comment from this address</span>' in html
    assert '<td class="field-status_and_reason">Approved</td>' in html and "3 links" not in html
    assert "?status__exact=spam" in html
    filtered = editor_client.get("/admin/comments/comment/?status__exact=approved").content.decode()
    assert "Eve" not in filtered


def test_a_french_moderator_reads_one_word_for_spam_and_french_column_names(french_client, post):
    """The status is « Spam », as the action that sets it says; the subscriptions' post column is « Article »."""
    french_client.force_login(EditorFactory())
    CommentFactory(post=post, status=CommentStatus.SPAM)
    SubscriptionFactory(post=post, email="carol@example.org")
    comments = french_client.get("/admin/comments/comment/").content.decode()
    assert "Classer les commentaires sélectionnés comme spam" in comments
    assert "Indésirable" not in comments
    assert '<td class="field-status_and_reason">Spam</td>' in comments
    subscriptions = french_client.get("/admin/comments/subscription/").content.decode()
    assert ">Article</a>" in subscriptions and ">Post</a>" not in subscriptions


def test_a_comment_is_named_by_its_writer_and_first_words_cut_after_a_word(french_client, post):
    french_client.force_login(EditorFactory())
    comment = CommentFactory(
        post=post, author_name="Léa", body="Moi, j’aurais pris le « rouge magma » : c’est plus gai !"
    )
    assert str(comment) == "Léa — Moi, j’aurais pris le « rouge magma »…"
    page = french_client.get(f"/admin/comments/comment/{comment.pk}/change/").content.decode()
    assert "Léa — Moi, j’aurais pris le « rouge magma »…" in html.unescape(page)


def test_the_moderator_replies_from_the_admin_on_the_posts_page(french_client, post):
    """« Répondre sur la page de l’article » opens the form under that comment, her name in it; her reply is out."""
    editor = EditorFactory(display_name="Claire Martin")
    french_client.force_login(editor)
    lea = CommentFactory(post=post, author_name="Léa")
    held = CommentFactory(post=post, status=CommentStatus.PENDING)
    change = html.unescape(french_client.get(f"/admin/comments/comment/{lea.pk}/change/").content.decode())
    link = f'<a href="{post.get_absolute_url()}?replytocom={lea.pk}#respond">Répondre sur la page de l’article</a>'
    assert link in change
    held_page = html.unescape(french_client.get(f"/admin/comments/comment/{held.pk}/change/").content.decode())
    assert "Un commentaire approuvé, sur un article ouvert aux commentaires, peut recevoir une réponse" in held_page

    form = french_client.get(f"{post.get_absolute_url()}?replytocom={lea.pk}").content.decode()
    assert f'name="parent" value="{lea.pk}"' in form and 'value="Claire Martin"' in form
    data = form_data(author_name="Claire Martin", author_email=editor.email, body="Merci Léa !", parent=lea.pk)
    french_client.post(comment_url(post), data)
    reply = Comment.objects.get(parent=lea)
    assert (reply.status, reply.user) == (CommentStatus.APPROVED, editor)


@pytest.mark.parametrize(
    ("action", "status"),
    [("approve", CommentStatus.APPROVED), ("mark_spam", CommentStatus.SPAM), ("remove", CommentStatus.REMOVED)],
)
def test_moderation_actions(editor_client, post, action, status):
    """The approve, spam and remove actions change the selected comments and say how many."""
    comments = CommentFactory.create_batch(2, post=post, status=CommentStatus.PENDING)
    response = editor_client.post(
        "/admin/comments/comment/", {"action": action, "_selected_action": [c.pk for c in comments]}, follow=True
    )
    assert "2 comments" in response.content.decode()
    assert set(Comment.objects.values_list("status", flat=True)) == {status}


def test_approving_shows_the_comment_and_emails_subscribers(editor_client, client, post):
    """Approving from the admin puts the comment on the post page and e-mails the subscribers."""
    comment = CommentFactory(post=post, body="Enfin visible", status=CommentStatus.PENDING)
    SubscriptionFactory(post=post, email="carol@example.org")
    editor_client.post("/admin/comments/comment/", {"action": "approve", "_selected_action": [comment.pk]})
    editor_client.logout()
    assert "Enfin visible" in client.get(post.get_absolute_url()).content.decode()
    assert [m.to for m in mail.outbox] == [["carol@example.org"]]


def test_approving_in_the_change_form_emails_subscribers(editor_client, post):
    """Switching the status to approved in the change form e-mails the subscribers too."""
    comment = CommentFactory(post=post, status=CommentStatus.PENDING)
    SubscriptionFactory(post=post, email="carol@example.org")
    data = {
        "post": post.pk,
        "kind": "comment",
        "author_name": comment.author_name,
        "author_email": comment.author_email,
        "body": comment.body,
        "status": "approved",
        "language": "fr",
    }
    response = editor_client.post(f"/admin/comments/comment/{comment.pk}/change/", data)
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["carol@example.org"]]


def test_pending_count_on_admin_index(editor_client, post):
    """The admin index tells a moderator how many comments await moderation."""
    CommentFactory.create_batch(3, post=post, status=CommentStatus.PENDING)
    CommentFactory(post=post, status=CommentStatus.SPAM)
    html = editor_client.get("/admin/").content.decode()
    assert "3 comments await moderation" in html
    assert "/admin/comments/comment/?status__exact=pending" in html


def test_author_and_editors_emailed_in_their_language(client):
    """A held comment e-mails the post's author and the editors, each in their preferred language."""
    post = PostFactory(author__email="author@example.org", author__preferred_language="fr", title="Billet")
    EditorFactory(email="editor@example.org", preferred_language="en")
    client.post(comment_url(post), form_data(body="À modérer"))
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {"author@example.org", "editor@example.org"}
    assert "attend la modération" in by_address["author@example.org"].subject
    assert "awaits moderation" in by_address["editor@example.org"].subject
    assert "À modérer" in by_address["editor@example.org"].body
    assert "first comment from this address" in by_address["editor@example.org"].body
    assert "/admin/comments/comment/" in by_address["editor@example.org"].body


def test_a_held_reply_tells_the_moderator_which_comment_it_answers(client):
    post = PostFactory(author__email="author@example.org", author__preferred_language="fr")
    lea = CommentFactory(post=post, author_name="Léa", body="Le rouge, vraiment ?")
    client.post(comment_url(post), form_data(body="Je suis d’accord.", parent=lea.pk))
    [moderation] = mail.outbox
    assert "En réponse à\u202f: Léa — Le rouge, vraiment ?" in moderation.body


def test_published_comment_does_not_bother_moderators(client, post):
    """A comment published at once sends no moderation e-mail."""
    CommentFactory(author_email="alice@example.org")
    client.post(comment_url(post), form_data())
    assert mail.outbox == []


def test_the_list_shows_the_newest_first_and_says_plainly_what_removing_does(editor_client, post):
    """A moderator reads what came in last first; "Retirer" files a comment as "Retiré", unlike "Supprimer",
    Django's own action, which deletes it."""
    CommentFactory(post=post, author_name="Ancienne", status=CommentStatus.PENDING)
    CommentFactory(post=post, author_name="Récente", status=CommentStatus.PENDING)
    html = editor_client.get("/admin/comments/comment/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert html.index("Récente") < html.index("Ancienne")
    assert "Retirer les commentaires sélectionnés (masqués aux lecteurs, gardés ici)" in html
    assert 'status__exact=removed">Retiré</a>' in html  # the status filter


def test_each_moderator_reads_why_a_comment_was_held_in_her_own_language(client, post):
    """A reader writing from the French interface: the English-speaking editor reads "first comment from this
    address", the French-speaking author « premier commentaire de cette adresse », in the e-mail and the admin."""
    EditorFactory(email="editor@example.org", preferred_language="en")
    post.author.preferred_language = "fr"
    post.author.save()
    client.post(comment_url(post), form_data(), HTTP_ACCEPT_LANGUAGE="fr")
    by_address = {message.to[0]: message for message in mail.outbox}
    assert "Held because: first comment from this address" in by_address["editor@example.org"].body
    assert "Retenu parce que\u202f: premier commentaire de cette adresse" in by_address["author@example.org"].body
    client.force_login(EditorFactory())
    listing = client.get("/admin/comments/comment/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "premier commentaire de cette adresse" in listing


def test_a_reason_with_words_in_it_is_read_in_the_moderator_s_language(client, post, settings):
    settings.COMMENTS_MAX_LINKS = 1
    body = "Voir https://a.example et https://b.example et https://c.example"
    client.post(comment_url(post), form_data(body=body), HTTP_ACCEPT_LANGUAGE="fr")
    assert Comment.objects.get().held_because == "3 links (more than 1)"  # stored in English
    client.force_login(EditorFactory())
    listing = client.get("/admin/comments/comment/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "3 liens (plus de 1)" in listing
