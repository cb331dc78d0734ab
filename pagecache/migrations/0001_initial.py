from django.db import migrations, models


def first_row(apps, schema_editor):
    apps.get_model("pagecache", "Generation").objects.create(pk=1, number=0)


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Generation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.BigIntegerField(default=0)),
                ("changed_at", models.DateTimeField(null=True)),
            ],
        ),
        migrations.RunPython(first_row, migrations.RunPython.noop),
    ]
