import re

import pytest
from django.core import mail

from comments.models import Comment, CommentStatus, SubscriptionScope
from tests.comments.factories import CommentFactory, SubscriptionFactory
from tests.factories import AuthorFactory, EditorFactory, PostFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _quick_readers(settings, live_server):
    """The anti-spam timestamp refuses forms sent under COMMENTS_MIN_SECONDS: these readers type fast.

    E-mailed links point at the live server, which runs in this process and sees these settings.
    """
    settings.COMMENTS_MIN_SECONDS = 0
    settings.SITE_URL = live_server.url


def fill_comment(page, *, name, email, body, website=""):
    page.fill("#id_author_name", name)
    page.fill("#id_author_email", email)
    page.fill("#id_author_url", website)
    page.fill("#id_body", body)


def test_first_comment_awaits_moderation_then_a_moderator_approves_it(live_server, open_page, log_in):
    """A first comment is held, moderators are told, the subscription confirms by e-mail, an editor approves."""
    author = AuthorFactory(username="claire", email="claire@example.org")
    post = PostFactory(author=author, title="Internet, espace de vie")
    EditorFactory(username="marc", email="marc@example.org", preferred_language="en")
    reader = open_page()
    reader.goto(f"{live_server.url}{post.get_absolute_url()}")
    assert reader.inner_text("#comments h2") == "Comments"
    fill_comment(reader, name="Ada Lovelace", email="ada@example.org", body="A fine post.\n\nThank you.")
    reader.check("#id_notify")
    reader.click("text=Post comment")

    # She lands on her comment, shown to her alone, the notice under it.
    held = Comment.objects.get()
    assert reader.url.endswith(f"{post.get_absolute_url()}#comment-{held.pk}")
    mine = reader.locator(f"#comment-{held.pk}.awaiting")
    assert mine.locator(".comment-body p").all_inner_texts() == ["A fine post.", "Thank you."]
    notice = mine.locator(".comment-notice")
    assert "Your comment awaits moderation" in notice.inner_text()
    assert notice.is_visible() and notice.bounding_box()["y"] < 900  # where the browser scrolled to
    assert mine.locator(".reply").count() == 0
    assert reader.inner_text("#comments h2") == "Comments"  # it counts for nobody yet
    reader.reload()
    assert "A fine post." not in reader.inner_text("#comments")  # nor is it shown again before it is approved

    confirmation = next(m for m in mail.outbox if m.to == ["ada@example.org"])
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    french = "Un commentaire attend la modération sur «\u202fInternet, espace de vie\u202f»"  # no-break spaces kept
    assert subjects["claire@example.org"] == french
    assert subjects["marc@example.org"] == "A comment awaits moderation on “Internet, espace de vie”"
    confirm_url = re.search(r"^http://\S+/comments/confirm/\S+$", confirmation.body, re.MULTILINE).group()
    reader.goto(confirm_url)
    assert reader.inner_text("h1") == "Confirm your subscription"
    reader.get_by_role("button", name="Confirm", exact=True).click()
    assert reader.inner_text("h1") == "Subscription confirmed"
    assert "each new comment on “Internet, espace de vie”" in reader.inner_text("main")

    moderator = open_page()
    log_in(moderator, "marc")
    assert "1 comment awaits moderation" in moderator.inner_text(".pending-comments")
    moderator.click(".pending-comments a")
    comment = Comment.objects.get()
    moderator.check(f"input[name=_selected_action][value='{comment.pk}']")
    moderator.select_option("select[name=action]", "approve")
    moderator.click("button[name=index]")
    assert "1 comment approved." in moderator.inner_text(".messagelist")

    reader.goto(f"{live_server.url}{post.get_absolute_url()}")
    shown = reader.locator(f"#comment-{comment.pk}")
    assert reader.inner_text("#comments h2") == "1 comment"
    assert shown.locator(".comment-author").inner_text() == "Ada Lovelace"
    assert shown.locator(".comment-body p").all_inner_texts() == ["A fine post.", "Thank you."]


def test_a_bad_address_comes_back_in_french_with_everything_typed(live_server, open_page):
    """A French reader's comment with a broken e-mail is refused in French, nothing typed lost, nothing stored."""
    post = PostFactory(title="Le blog n'est pas mort")
    reader = open_page(locale="fr-FR")
    reader.goto(f"{live_server.url}{post.get_absolute_url()}")
    body = "Je ne suis pas d'accord :\n\n<b>tout</b> n'est pas perdu."
    fill_comment(reader, name="Camille", email="camille@", website="https://camille.example", body=body)
    reader.check("input[name=notify_scope][value=replies]")
    assert reader.is_checked("#id_notify")  # choosing what to be told about asks to be told
    reader.click("text=Envoyer le commentaire")

    assert reader.inner_text(".comment-error") == (
        "Votre commentaire n’a pas été envoyé. Veuillez corriger ce qui est signalé."
    )
    assert "Saisissez une adresse e-mail valide" in reader.inner_text("#respond")  # as the label says: "E-mail"
    assert reader.input_value("#id_author_name") == "Camille"
    assert reader.input_value("#id_author_email") == "camille@"
    assert reader.input_value("#id_author_url") == "https://camille.example"
    assert reader.input_value("#id_body") == body
    assert reader.is_checked("#id_notify")
    assert reader.is_checked("input[name=notify_scope][value=replies]")
    assert not Comment.objects.exists()
    assert mail.outbox == []


def test_a_reply_link_puts_the_reply_under_its_parent(live_server, page):
    """A known reader's reply via "Reply" is published at once under its parent, whose follower is told."""
    post = PostFactory(title="Why I still blog", language="en")
    parent = CommentFactory(post=post, author_name="Bob", body="Do you still use WordPress?")
    CommentFactory(post=post, author_name="Ada", author_email="ada@example.org", body="First!")
    SubscriptionFactory(post=post, comment=parent, email=parent.author_email, scope=SubscriptionScope.REPLIES)
    page.goto(f"{live_server.url}{post.get_absolute_url()}")
    page.locator(f"#comment-{parent.pk}").get_by_role("link", name="Reply").click()

    assert page.inner_text("#respond h3").startswith("Reply to Bob")
    fill_comment(page, name="Ada", email="ada@example.org", body="No, Carnet now.")
    page.click("text=Post reply")

    reply = Comment.objects.get(body="No, Carnet now.")
    assert "your comment is published" in page.inner_text(f"#comment-{reply.pk} .comment-notice")  # where she lands
    assert reply.status == CommentStatus.APPROVED
    assert page.url.endswith(f"#comment-{reply.pk}")
    nested = page.locator(f"#comment-{parent.pk} > ol.children > #comment-{reply.pk}")
    assert nested.locator(".comment-body").inner_text() == "No, Carnet now."
    assert page.inner_text("#comments h2") == "3 comments"
    assert [m.to for m in mail.outbox] == [[parent.author_email]]
    assert "No, Carnet now." in mail.outbox[0].body


def test_a_form_sent_faster_than_anyone_types_is_refused_and_kept(live_server, page, settings):
    """A comment sent before COMMENTS_MIN_SECONDS have passed is refused with an honest message, the text kept."""
    settings.COMMENTS_MIN_SECONDS = 60
    post = PostFactory(title="Why I still blog", language="en")
    page.goto(f"{live_server.url}{post.get_absolute_url()}")
    fill_comment(page, name="Quick Reader", email="quick@example.org", body="Great post!")
    page.click("text=Post comment")

    assert "faster than people usually type" in page.inner_text("#respond .errorlist")
    assert page.input_value("#id_body") == "Great post!"
    assert not Comment.objects.exists()


def test_a_reader_who_asks_is_remembered_in_her_browser_alone(live_server, open_page):
    """Ticking "Remember my name…" keeps her name, address and site in her browser for her next comment; nothing
    of it is sent to the site; another browser does not get them; unticked, they are forgotten."""
    post = PostFactory(title="Le blog n'est pas mort")
    reader = open_page(locale="fr-FR")
    sent = []
    reader.on("request", lambda request: sent.append(request.post_data or "") if request.method == "POST" else None)
    reader.goto(f"{live_server.url}{post.get_absolute_url()}")
    fill_comment(reader, name="Zoé d’Alembert", email="zoe@example.org", website="https://zoe.example", body="Oui !")
    reader.check("#remember-commenter")
    reader.click("text=Envoyer le commentaire")
    reader.locator(".comment.awaiting").wait_for()
    assert sent and not any("remember" in data for data in sent)

    reader.goto(f"{live_server.url}{post.get_absolute_url()}")
    assert reader.input_value("#id_author_name") == "Zoé d’Alembert"
    assert reader.input_value("#id_author_email") == "zoe@example.org"
    assert reader.input_value("#id_author_url") == "https://zoe.example"
    assert reader.is_checked("#remember-commenter") and reader.input_value("#id_body") == ""

    other = open_page(locale="fr-FR")
    other.goto(f"{live_server.url}{post.get_absolute_url()}")
    assert other.input_value("#id_author_name") == "" and not other.is_checked("#remember-commenter")

    reader.uncheck("#remember-commenter")
    reader.fill("#id_body", "Et encore une chose.")
    reader.click("text=Envoyer le commentaire")
    reader.locator(".comment.awaiting").wait_for()
    reader.goto(f"{live_server.url}{post.get_absolute_url()}")
    assert reader.input_value("#id_author_name") == "" and not reader.is_checked("#remember-commenter")
