import datetime

import pytest
from django.test import Client
from django.utils import timezone

from comments.models import CommentStatus
from tests.factories import PostFactory, UserFactory

from .factories import CommentFactory

pytestmark = pytest.mark.django_db


def test_approved_comments_shown_oldest_first_others_hidden(client, post):
    """Readers see approved comments, oldest first; pending, spam and removed ones stay hidden."""
    now = timezone.now()
    CommentFactory(post=post, body="Second", created_at=now - datetime.timedelta(hours=1))
    CommentFactory(post=post, body="Premier", created_at=now - datetime.timedelta(hours=2))
    for status in [CommentStatus.PENDING, CommentStatus.SPAM, CommentStatus.REMOVED]:
        CommentFactory(post=post, body=f"Caché {status}", status=status)
    html = client.get(post.get_absolute_url()).content.decode()
    assert html.index("Premier") < html.index("Second")
    assert "Caché" not in html
    assert "2 comments" in html


def test_replies_nested_under_parent_up_to_the_depth_limit(client, post, settings):
    """Replies sit in their parent's list; past COMMENTS_MAX_DEPTH they stay at the deepest level."""
    settings.COMMENTS_MAX_DEPTH = 2
    top = CommentFactory(post=post, body="Racine")
    reply = CommentFactory(post=post, parent=top, body="Réponse")
    deeper = CommentFactory(post=post, parent=reply, body="Plus profond")
    html = client.get(post.get_absolute_url()).content.decode()
    assert f'class="comment depth-1" id="comment-{top.pk}"' in html
    assert f'class="comment depth-2" id="comment-{reply.pk}"' in html
    assert f'class="comment depth-2" id="comment-{deeper.pk}"' in html
    assert f"?replytocom={top.pk}#respond" in html
    assert f"?replytocom={reply.pk}#respond" not in html


def test_a_reply_whose_comment_was_removed_stays_where_the_conversation_was(french_client, post):
    """Céline's comment removed, Marc's answer to it shows where hers was, saying it answers a comment not shown."""
    now = timezone.now()
    celine = CommentFactory(post=post, body="Le rouge, vraiment ?", created_at=now - datetime.timedelta(hours=3))
    CommentFactory(
        post=post, parent=celine, body="Je suis d’accord avec Céline.", created_at=now - datetime.timedelta(hours=2)
    )
    CommentFactory(post=post, body="Un autre avis.", created_at=now - datetime.timedelta(hours=1))
    celine.status = CommentStatus.REMOVED
    celine.save()
    html = french_client.get(post.get_absolute_url()).content.decode()
    assert "Le rouge" not in html
    assert html.index("Je suis d’accord avec Céline") < html.index("Un autre avis")
    context = html[: html.index("Je suis d’accord avec Céline")].rsplit('class="comment ', 1)[1]
    assert "En réponse à un commentaire qui n’est pas affiché ici." in context
    assert html.count("En réponse à un commentaire") == 1


def test_default_depth_is_three(client, post):
    """With the default setting, a third-level reply has no reply link."""
    first = CommentFactory(post=post)
    second = CommentFactory(post=post, parent=first)
    third = CommentFactory(post=post, parent=second)
    html = client.get(post.get_absolute_url()).content.decode()
    assert f'class="comment depth-3" id="comment-{third.pk}"' in html
    assert f"?replytocom={second.pk}#respond" in html
    assert f"?replytocom={third.pk}#respond" not in html


def test_name_links_to_website_with_nofollow_ugc(client, post):
    """The commenter's name links to the website with rel="nofollow ugc"; without a website, plain text."""
    CommentFactory(post=post, author_name="Zoé", author_url="https://zoe.example/")
    CommentFactory(post=post, author_name="Sans Site", author_url="")
    html = client.get(post.get_absolute_url()).content.decode()
    assert '<a href="https://zoe.example/" rel="nofollow ugc">Zoé</a>' in html
    assert "Sans Site</span>" in html


def test_an_apostrophe_in_a_name_is_printed_as_in_the_comment_beside_it(client, post):
    """Typed "Zoé d'Astier", shown "Zoé d’Astier", as her "C'est" is shown "C’est"; the name's link left alone."""
    comment = CommentFactory(post=post, author_name="Zoé d'Astier", author_url="https://zoe.example/l'été")
    html = client.get(post.get_absolute_url()).content.decode()
    assert '<a href="https://zoe.example/l&#x27;été" rel="nofollow ugc">Zoé d’Astier</a>' in html
    reply = client.get(f"{post.get_absolute_url()}?replytocom={comment.pk}").content.decode()
    assert "Zoé d’Astier" in reply and "d&#x27;Astier</" not in reply


def test_body_paragraphs_links_and_escaping(client, post):
    """Bare links become rel="nofollow ugc" links, blank lines make paragraphs, markup is shown as typed."""
    CommentFactory(post=post, body="Voir https://example.org/page.\n\n<b>gras</b> & suite", language="fr")
    html = client.get(post.get_absolute_url()).content.decode()
    assert '<div class="comment-body" lang="fr"><p>Voir <a href="https://example.org/page" rel="nofollow ugc">' in html
    assert "<p>&lt;b&gt;gras&lt;/b&gt; &amp; suite</p>" in html


def test_a_french_comment_is_spaced_the_french_way_an_english_one_as_typed(client, post):
    """A narrow no-break space before : ; ! ? and », a no-break one after «: the mark never starts a line alone."""
    CommentFactory(post=post, body="Sur l’article : « très juste » ! Voir https://example.org/?a=1", language="fr")
    CommentFactory(post=post, body="Quote : « fine » ! Right ?", language="en")
    html = client.get(post.get_absolute_url()).content.decode()
    assert "<p>Sur l’article\u202f: «\u202ftrès juste\u202f»\u202f! Voir " in html
    assert '<a href="https://example.org/?a=1" rel="nofollow ugc">' in html
    assert "<p>Quote : « fine » ! Right ?</p>" in html
    feed = client.get("/comments/feed/").content.decode()
    assert "Sur l’article\u202f: «\u202ftrès juste\u202f»\u202f!" in feed


def test_date_in_interface_language(client, french_client, post):
    """The comment date follows the reader's interface language."""
    CommentFactory(post=post, created_at=datetime.datetime(2024, 3, 5, 10, 0, tzinfo=datetime.UTC))
    assert "March 5, 2024" in client.get(post.get_absolute_url()).content.decode()
    assert "5 mars 2024" in french_client.get(post.get_absolute_url()).content.decode()


def test_reply_link_opens_form_for_that_comment(client, post):
    """Following "Reply" shows the form addressed to that comment."""
    parent = CommentFactory(post=post, author_name="Bob")
    html = client.get(post.get_absolute_url() + f"?replytocom={parent.pk}").content.decode()
    assert "Reply to Bob" in html
    assert f'name="parent" value="{parent.pk}"' in html


def test_form_and_privacy_note(client, post):
    """An open post shows the form with every field, the notify choice and the privacy note."""
    html = client.get(post.get_absolute_url()).content.decode()
    for name in ["author_name", "author_email", "author_url", "body", "notify", "notify_scope"]:
        assert f'name="{name}"' in html
    assert "All new comments on this post" in html
    assert "Only replies to my comment" in html
    assert "your e-mail address never is" in html
    assert "Akismet" not in html


def test_logged_in_reader_sees_name_filled_in(client, post):
    """A logged-in reader finds name, e-mail and website already filled in."""
    user = UserFactory(display_name="Claire Dupont", website="https://claire.example/")
    client.force_login(user)
    html = client.get(post.get_absolute_url()).content.decode()
    assert 'value="Claire Dupont"' in html
    assert f'value="{user.email}"' in html


def test_the_blank_form_written_once_per_language_keeps_no_reader(client, post):
    """The blank form is written once for each language (comments.section): a logged-in reader's details are never
    in it, whoever came first, and each language has its own labels."""
    user = UserFactory(display_name="Claire Dupont")
    client.force_login(user)
    assert 'value="Claire Dupont"' in client.get(post.get_absolute_url()).content.decode()
    for language, label in (("fr", "Nom"), ("en", "Name"), ("fr", "Nom")):
        html = Client(HTTP_ACCEPT_LANGUAGE=language).get(post.get_absolute_url()).content.decode()
        assert f'<label for="id_author_name">{label}' in html
        assert "Claire Dupont" not in html and user.email not in html
    client.force_login(user)
    assert 'value="Claire Dupont"' in client.get(post.get_absolute_url()).content.decode()


def test_comments_closed_per_post_keep_old_comments(client):
    """With allow_comments off, old comments stay visible and the form is gone."""
    post = PostFactory(allow_comments=False)
    CommentFactory(post=post, body="Ancien commentaire")
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Ancien commentaire" in html
    assert "Comments are closed." in html
    assert 'name="body"' not in html
    assert "replytocom" not in html


def test_comments_close_after_setting_days(client, settings):
    """Comments close COMMENTS_CLOSE_AFTER_DAYS after publication; 0 means never."""
    old = PostFactory(published_at=timezone.now() - datetime.timedelta(days=40))
    settings.COMMENTS_CLOSE_AFTER_DAYS = 0
    assert 'name="body"' in client.get(old.get_absolute_url()).content.decode()
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    assert "Comments are closed." in client.get(old.get_absolute_url()).content.decode()
    recent = PostFactory(published_at=timezone.now() - datetime.timedelta(days=3))
    assert 'name="body"' in client.get(recent.get_absolute_url()).content.decode()


def test_comment_count_on_list_pages(client, post):
    """List pages say "N comments", approved only, linking to the comments."""
    CommentFactory.create_batch(3, post=post)
    CommentFactory(post=post, status=CommentStatus.PENDING)
    html = client.get("/").content.decode()
    assert f'<a href="{post.get_absolute_url()}#comments">3 comments</a>' in html
    french = client.get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "3 commentaires" in french


def test_list_page_query_count_does_not_grow_with_comments(client, django_assert_num_queries):
    """The home page runs the same number of queries whatever the number of comments."""
    posts = PostFactory.create_batch(3)
    CommentFactory(post=posts[0])
    client.get("/")
    with django_assert_num_queries(4) as few:  # the count, the posts (their ids in a subquery), most used tags, menu
        client.get("/")
    for post in posts:
        CommentFactory.create_batch(20, post=post)
    with django_assert_num_queries(len(few.captured_queries)):
        assert "21 comments" in client.get("/").content.decode()


@pytest.mark.parametrize("extra", [0, 97])
def test_post_page_query_count_3_vs_100_comments(client, post, extra, django_assert_num_queries):
    """A post page runs the same number of queries with 3 or 100 threaded comments."""
    top = CommentFactory(post=post)
    reply = CommentFactory(post=post, parent=top)
    CommentFactory(post=post, parent=reply)
    CommentFactory.create_batch(extra, post=post, parent=top)
    # The post with its linked translation, its comments, the menu's pages; no tag, so no similar posts to look for
    with django_assert_num_queries(3):
        response = client.get(post.get_absolute_url())
    assert f"{3 + extra} comments" in response.content.decode()
