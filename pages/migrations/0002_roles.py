from django.db import migrations

from accounts.roles import PAGE_PERMISSIONS, assign, create_permissions_now


def give_permissions(apps, schema_editor):
    create_permissions_now(apps)
    assign(apps, PAGE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_groups"),
        ("pages", "0001_initial"),
    ]

    operations = [migrations.RunPython(give_permissions, migrations.RunPython.noop)]
