"""Tags saved before blog.slugs.give_tag_an_address with a name of symbols only had an empty slug, which made
every page listing them fail: they get one spelt from their symbols."""

from django.db import migrations

from blog.slugs import unique_tag_slug


def give_addresses(apps, schema_editor):
    Tag = apps.get_model("taggit", "Tag")
    for tag in Tag.objects.filter(slug=""):
        tag.slug = unique_tag_slug(Tag, tag.name)
        tag.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0012_language_page_index"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(give_addresses, migrations.RunPython.noop)]
