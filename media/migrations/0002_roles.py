from django.db import migrations

from accounts.roles import MEDIA_PERMISSIONS, assign, create_permissions_now


def give_permissions(apps, schema_editor):
    create_permissions_now(apps)
    assign(apps, MEDIA_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_groups"),
        ("media", "0001_initial"),
    ]

    operations = [migrations.RunPython(give_permissions, migrations.RunPython.noop)]
