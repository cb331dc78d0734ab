from django.db import migrations

from accounts.roles import PERMISSIONS, assign, create_permissions_now


def assign_roles(apps, schema_editor):
    create_permissions_now(apps)
    assign(apps, PERMISSIONS)


class Migration(migrations.Migration):
    """Authors moderate the comments on their own posts: they are e-mailed about them, the link must open."""

    dependencies = [("accounts", "0003_comment_permissions")]

    operations = [migrations.RunPython(assign_roles, migrations.RunPython.noop)]
