from django.db import migrations


class Migration(migrations.Migration):
    """Comments move to the comments app: blog forgets the models, their tables and rows stay."""

    dependencies = [
        ("blog", "0003_comment_user_label"),
        ("accounts", "0002_groups"),  # it gives the editors blog's comment permissions, which comments then takes over
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="comment",
                    name="parent",
                ),
                migrations.RemoveField(
                    model_name="comment",
                    name="post",
                ),
                migrations.RemoveField(
                    model_name="comment",
                    name="user",
                ),
                migrations.RemoveField(
                    model_name="subscription",
                    name="comment",
                ),
                migrations.RemoveField(
                    model_name="notification",
                    name="comment",
                ),
                migrations.DeleteModel(
                    name="CommentAttempt",
                ),
                migrations.RemoveField(
                    model_name="notification",
                    name="subscription",
                ),
                migrations.RemoveField(
                    model_name="subscription",
                    name="post",
                ),
                migrations.DeleteModel(
                    name="Comment",
                ),
                migrations.DeleteModel(
                    name="Notification",
                ),
                migrations.DeleteModel(
                    name="Subscription",
                ),
            ],
            database_operations=[],
        ),
    ]
