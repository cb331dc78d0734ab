"""The two roles of Carnet's staff and what each may do in the admin."""

AUTHORS = "Authors"
EDITORS = "Editors"

PERMISSIONS = {
    AUTHORS: [
        "blog.add_post",
        "blog.change_post",
        "blog.view_post",
        "comments.change_comment",  # on her own posts only: CommentAdmin shows no other
        "comments.view_comment",
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
        "comments.change_comment",
        "comments.delete_comment",
        "comments.view_comment",
        "comments.view_subscription",
        "comments.delete_subscription",
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


# Given by media's own data migration (accounts' came before the media app existed).
MEDIA_PERMISSIONS = {
    AUTHORS: ["media.add_mediaitem", "media.change_mediaitem", "media.delete_mediaitem", "media.view_mediaitem"],
    EDITORS: [
        "media.add_mediaitem",
        "media.change_mediaitem",
        "media.delete_mediaitem",
        "media.view_mediaitem",
        "media.manage_all_media",
    ],
}

# Given by pages' own data migration.
PAGE_PERMISSIONS = {EDITORS: ["pages.add_page", "pages.change_page", "pages.delete_page", "pages.view_page"]}


def create_permissions_now(apps):
    """Permissions are normally created after migrate; a data migration needs them before."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def assign(apps, permissions_by_group):
    """Create each group and give it its permissions (idempotent)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in permissions_by_group.items():
        group, _created = Group.objects.get_or_create(name=name)
        for code in codes:
            app_label, codename = code.split(".")
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
