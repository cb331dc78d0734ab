from django.db import migrations

from accounts.roles import PERMISSIONS, assign, create_permissions_now


def assign_roles(apps, schema_editor):
    create_permissions_now(apps)
    assign(apps, PERMISSIONS)


class Migration(migrations.Migration):
    """Editors moderate comments through the comments app's permissions (moved there, with their content types)."""

    dependencies = [
        ("accounts", "0002_groups"),
        ("comments", "0002_tables_named_for_their_app"),
    ]

    operations = [migrations.RunPython(assign_roles, migrations.RunPython.noop)]
