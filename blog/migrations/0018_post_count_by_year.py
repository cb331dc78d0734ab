"""Posts are counted by language and year (blog.models.post_count): a deep page of a list skips the years of the
newer posts. The counts are taken afresh after every migrate, when the triggers are made again: nothing to carry."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0017_list_indexes_with_ids"),
    ]

    operations = [
        migrations.DeleteModel(name="PostCount"),
        migrations.CreateModel(
            name="PostCount",
            fields=[
                ("pk", models.CompositePrimaryKey("language", "year", blank=True, editable=False, serialize=False)),
                ("language", models.CharField(max_length=8, verbose_name="language")),
                ("year", models.IntegerField(verbose_name="year")),
                ("posts", models.IntegerField(default=0, verbose_name="posts with the published status")),
            ],
            options={
                "verbose_name": "post count",
                "verbose_name_plural": "post counts",
            },
        ),
    ]
