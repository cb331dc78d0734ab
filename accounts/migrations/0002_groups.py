from django.db import migrations

from accounts.roles import PERMISSIONS, assign, create_permissions_now


def create_groups(apps, schema_editor):
    create_permissions_now(apps)
    assign(apps, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("blog", "0001_initial"),
        ("columns", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
