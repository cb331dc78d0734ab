import comments.models
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

MODELS = ["comment", "commentattempt", "subscription", "notification"]


def move_content_types(apps, schema_editor, from_app="blog", to_app="comments"):
    """The models' content types follow them, so permissions given to groups and users and the admin's history stay."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    taken = set(ContentType.objects.filter(app_label=to_app, model__in=MODELS).values_list("model", flat=True))
    ContentType.objects.filter(app_label=from_app, model__in=set(MODELS) - taken).update(app_label=to_app)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, from_app="comments", to_app="blog")


class Migration(migrations.Migration):
    """The models blog's migrations created, now the comments app's: same tables (renamed in 0002), same rows."""

    initial = True

    dependencies = [
        ("blog", "0004_comments_move_to_their_own_app"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Comment",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[("comment", "Comment"), ("pingback", "Pingback"), ("trackback", "Trackback")],
                                default="comment",
                                max_length=10,
                                verbose_name="kind",
                            ),
                        ),
                        ("author_name", models.CharField(max_length=100, verbose_name="name")),
                        ("author_email", models.EmailField(blank=True, max_length=254, verbose_name="e-mail")),
                        ("author_url", models.URLField(blank=True, max_length=500, verbose_name="website")),
                        ("body", models.TextField(verbose_name="comment")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "Pending"),
                                    ("approved", "Approved"),
                                    ("spam", "Spam"),
                                    ("removed", "Removed"),
                                ],
                                db_index=True,
                                default="pending",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "language",
                            models.CharField(
                                choices=[("fr", "French"), ("en", "English")],
                                default="fr",
                                max_length=2,
                                verbose_name="language",
                            ),
                        ),
                        ("ip_address", models.GenericIPAddressField(blank=True, null=True, verbose_name="IP address")),
                        ("user_agent", models.CharField(blank=True, max_length=500, verbose_name="user agent")),
                        (
                            "created_at",
                            models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name="date"),
                        ),
                        (
                            "wordpress_id",
                            models.PositiveBigIntegerField(
                                blank=True, editable=False, null=True, unique=True, verbose_name="WordPress id"
                            ),
                        ),
                        (
                            "held_because",
                            models.CharField(
                                blank=True,
                                help_text="Why the spam checks did not publish it at once.",
                                max_length=200,
                                verbose_name="held because",
                            ),
                        ),
                        (
                            "parent",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="replies",
                                to="comments.comment",
                                verbose_name="in reply to",
                            ),
                        ),
                        (
                            "post",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="comments",
                                to="blog.post",
                                verbose_name="post",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="comments",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="account",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "comment",
                        "verbose_name_plural": "comments",
                        "db_table": "blog_comment",
                        "ordering": ["created_at", "pk"],
                    },
                ),
                migrations.CreateModel(
                    name="CommentAttempt",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("ip_address", models.GenericIPAddressField(verbose_name="IP address")),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="date")),
                    ],
                    options={
                        "verbose_name": "comment attempt",
                        "verbose_name_plural": "comment attempts",
                        "db_table": "blog_commentattempt",
                        "indexes": [
                            models.Index(fields=["ip_address", "created_at"], name="blog_commen_ip_addr_6ae766_idx"),
                            models.Index(fields=["created_at"], name="blog_commen_created_0076ea_idx"),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Subscription",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("email", models.EmailField(max_length=254, verbose_name="e-mail")),
                        (
                            "scope",
                            models.CharField(
                                choices=[
                                    ("all", "All new comments on this post"),
                                    ("replies", "Only replies to my comment"),
                                ],
                                default="all",
                                max_length=10,
                                verbose_name="scope",
                            ),
                        ),
                        (
                            "language",
                            models.CharField(
                                choices=[("fr", "French"), ("en", "English")],
                                default="fr",
                                max_length=2,
                                verbose_name="language",
                            ),
                        ),
                        (
                            "token",
                            models.CharField(
                                default=comments.models.new_token, editable=False, max_length=64, unique=True
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                        ("confirmed_at", models.DateTimeField(blank=True, null=True, verbose_name="confirmed")),
                        (
                            "comment",
                            models.ForeignKey(
                                blank=True,
                                help_text="For replies only: the comment whose replies are followed.",
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="subscriptions",
                                to="comments.comment",
                            ),
                        ),
                        (
                            "post",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="subscriptions",
                                to="blog.post",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "subscription",
                        "verbose_name_plural": "subscriptions",
                        "db_table": "blog_subscription",
                    },
                ),
                migrations.CreateModel(
                    name="Notification",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("confirmation", "Subscription confirmation"),
                                    ("moderation", "Comment awaiting moderation"),
                                    ("new_comment", "New comment for a subscriber"),
                                ],
                                max_length=20,
                                verbose_name="kind",
                            ),
                        ),
                        ("recipient", models.EmailField(max_length=254, verbose_name="recipient")),
                        (
                            "language",
                            models.CharField(
                                choices=[("fr", "French"), ("en", "English")],
                                default="fr",
                                max_length=2,
                                verbose_name="language",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[("queued", "Queued"), ("sent", "Sent"), ("failed", "Failed")],
                                default="queued",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        ("attempts", models.PositiveSmallIntegerField(default=0, verbose_name="attempts")),
                        ("last_error", models.TextField(blank=True, verbose_name="last error")),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="created")),
                        ("sent_at", models.DateTimeField(blank=True, null=True, verbose_name="sent")),
                        (
                            "comment",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="notifications",
                                to="comments.comment",
                                verbose_name="comment",
                            ),
                        ),
                        (
                            "subscription",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="notifications",
                                to="comments.subscription",
                                verbose_name="subscription",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "e-mail notification",
                        "verbose_name_plural": "e-mail notifications",
                        "db_table": "blog_notification",
                        "ordering": ["-created_at", "-pk"],
                    },
                ),
                migrations.AddIndex(
                    model_name="comment",
                    index=models.Index(fields=["post", "status", "created_at"], name="blog_commen_post_id_245a5d_idx"),
                ),
                migrations.AddConstraint(
                    model_name="subscription",
                    constraint=models.UniqueConstraint(
                        condition=models.Q(("scope", "all")),
                        fields=("post", "email"),
                        name="one_all_subscription_per_address",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="subscription",
                    constraint=models.UniqueConstraint(
                        condition=models.Q(("scope", "replies")),
                        fields=("comment", "email"),
                        name="one_replies_subscription_per_comment",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="notification",
                    constraint=models.UniqueConstraint(
                        condition=models.Q(("comment__isnull", False)),
                        fields=("kind", "comment", "recipient"),
                        name="one_notification_per_comment_and_address",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
