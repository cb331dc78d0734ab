import django.db.models.deletion
from django.db import migrations, models


def drop_triggers(apps, schema_editor):
    """Going back: the counting triggers (installed after migrate) go before the table does."""
    from blog.models.tag_use import TRIGGERS

    TRIGGERS.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    """TagUse gets an id of its own, so that natural-key dumps (tags under new ids) load back.

    Its rows are derived data, counted afresh after every migrate: the table is made anew.
    """

    dependencies = [
        ("blog", "0009_translation_lookup_index"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunPython(drop_triggers, migrations.RunPython.noop),
        migrations.DeleteModel(name="TagUse"),
        migrations.CreateModel(
            name="TagUse",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "tag",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE, related_name="use", to="taggit.tag"
                    ),
                ),
                ("posts", models.IntegerField(default=0, verbose_name="posts with the published status")),
            ],
            options={"verbose_name": "tag use", "verbose_name_plural": "tag uses"},
        ),
        migrations.RunPython(migrations.RunPython.noop, drop_triggers),
    ]
