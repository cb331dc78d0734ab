"""Comments moved out of blog into their own app: a database of the earlier schema keeps every row."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from accounts.models import User
from accounts.roles import create_permissions_now
from comments.models import Comment, CommentAttempt, Notification, Subscription

BEFORE = [("blog", "0003_comment_user_label")]  # the last schema with comments inside blog


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def leaf_nodes():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def old_schema():
    """The database as it was before the move; migrated forward again whatever the test does."""
    latest = leaf_nodes()
    apps = migrate(BEFORE)
    yield apps
    migrate(latest)
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # as `migrate` does: triggers back


def fill_old_database(apps):
    """A post with a comment, a reply, both kinds of subscription, their e-mails and a rate-limit attempt."""
    User = apps.get_model("accounts", "User")
    Post = apps.get_model("blog", "Post")
    author = User.objects.create(username="claire", email="claire@example.org", is_staff=True)
    post = Post.objects.create(
        author=author, title="Humanité d'internet", slug="humanite", language="fr", status="published",
        published_at=timezone.now() - datetime.timedelta(days=1), body="Texte.", body_html="<p>Texte.</p>",
    )  # fmt: skip
    Comment = apps.get_model("blog", "Comment")
    first = Comment.objects.create(
        post=post, author_name="Anna", author_email="anna@example.org", body="Très juste : merci !",
        status="approved", language="fr", ip_address="192.0.2.1", wordpress_id=17,
    )  # fmt: skip
    reply = Comment.objects.create(
        post=post, parent=first, user=author, author_name="Claire", author_email="claire@example.org",
        body="Merci Anna.", status="pending", language="fr", held_because="first comment",
    )  # fmt: skip
    Subscription = apps.get_model("blog", "Subscription")
    follows_post = Subscription.objects.create(post=post, email="anna@example.org", scope="all", token="t-all")
    follows_replies = Subscription.objects.create(
        post=post, email="bob@example.org", scope="replies", comment=first, token="t-replies",
        confirmed_at=timezone.now(),
    )  # fmt: skip
    Notification = apps.get_model("blog", "Notification")
    Notification.objects.create(kind="confirmation", recipient="anna@example.org", subscription=follows_post)
    Notification.objects.create(
        kind="new_comment", recipient="bob@example.org", comment=reply, subscription=follows_replies,
        status="failed", attempts=2, last_error="SMTPServerDisconnected",
    )  # fmt: skip
    apps.get_model("blog", "CommentAttempt").objects.create(ip_address="192.0.2.1")
    return first, reply


@pytest.mark.django_db(transaction=True)
def test_comments_subscriptions_and_notifications_survive_the_move(old_schema):
    """Every row written under the old schema is found, with its links, once the comments app owns them."""
    first, reply = fill_old_database(old_schema)
    migrate(leaf_nodes())

    comment = Comment.objects.get(pk=first.pk)
    assert (comment.author_name, comment.body, comment.status) == ("Anna", "Très juste : merci !", "approved")
    assert comment.post.slug == "humanite" and comment.wordpress_id == 17
    answer = Comment.objects.get(pk=reply.pk)
    assert answer.parent == comment and answer.user.username == "claire" and answer.held_because == "first comment"
    assert list(comment.post.comments.approved()) == [comment]

    subscriptions = {s.token: s for s in Subscription.objects.all()}
    assert set(subscriptions) == {"t-all", "t-replies"}
    assert subscriptions["t-replies"].comment == comment and subscriptions["t-replies"].confirmed_at is not None

    sent = {n.kind: n for n in Notification.objects.all()}
    assert set(sent) == {"confirmation", "new_comment"}
    assert sent["new_comment"].comment == answer and sent["new_comment"].last_error == "SMTPServerDisconnected"
    assert sent["confirmation"].subscription == subscriptions["t-all"]
    assert CommentAttempt.objects.filter(ip_address="192.0.2.1").count() == 1

    # New rows go on after the old ones, in the renamed tables.
    assert Comment.objects.create(post=comment.post, author_name="Eve", body="Et moi.").pk > answer.pk


@pytest.mark.django_db(transaction=True)
def test_permissions_given_before_the_move_still_hold(old_schema):
    """A group and a user given blog's comment permissions moderate comments after the move, with no one re-granting."""
    create_permissions_now(old_schema)
    Permission = old_schema.get_model("auth", "Permission")
    moderate = Permission.objects.get(content_type__app_label="blog", codename="change_comment")
    group = old_schema.get_model("auth", "Group").objects.create(name="Moderators")
    group.permissions.add(moderate)
    user = old_schema.get_model("accounts", "User").objects.create(username="mod", is_staff=True)
    user.user_permissions.add(Permission.objects.get(content_type__app_label="blog", codename="view_subscription"))
    user.groups.add(group)
    migrate(leaf_nodes())

    moderator = User.objects.get(username="mod")
    assert moderator.has_perm("comments.change_comment") and moderator.has_perm("comments.view_subscription")
    codes = {p.content_type.app_label for p in Group.objects.get(name="Moderators").permissions.all()}
    assert codes == {"comments"}
