from django.db import migrations

from accounts.roles import AUTHORS, EDITORS, assign, create_permissions_now


# The roles as they were when this migration was written: later ones change them (0003).
PERMISSIONS = {
    AUTHORS: [
        "blog.add_post",
        "blog.change_post",
        "blog.view_post",
        "taggit.add_tag",
        "taggit.change_tag",
        "taggit.view_tag",
    ],
    EDITORS: [
        "blog.add_post",
        "blog.change_post",
        "blog.delete_post",
        "blog.view_post",
        "blog.edit_all_posts",
        "blog.change_comment",
        "blog.delete_comment",
        "blog.view_comment",
        "blog.view_subscription",
        "blog.delete_subscription",
        "taggit.add_tag",
        "taggit.change_tag",
        "taggit.delete_tag",
        "taggit.view_tag",
        "columns.add_publication",
        "columns.change_publication",
        "columns.view_publication",
        "columns.add_column",
        "columns.change_column",
        "columns.view_column",
        "columns.add_republication",
        "columns.change_republication",
        "columns.delete_republication",
        "columns.view_republication",
    ],
}


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
