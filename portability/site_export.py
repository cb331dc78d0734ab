"""Writing the whole site to an archive of open formats (see docs/archive-format.md)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from taggit.models import Tag

from blog.models import Markup, OldSlug, Post, Revision
from columns.models import Column, Publication, Republication
from comments.models import Comment, Subscription
from media.models import MediaItem
from wordpress.models import Redirect

from . import frontmatter
from .archive import Writer, when
from .pages import page_model, write_pages

EXTENSIONS = {Markup.MARKDOWN: "md", Markup.HTML: "html"}


def export_site(path):
    """Write the archive to `path`; returns {what: how many}."""
    counts = {}
    with Writer(path) as archive:
        counts["users"] = write_users(archive)
        counts["tags"] = write_tags(archive)
        counts["posts"] = write_posts(archive)
        if page_model():
            counts["pages"] = write_pages(archive)
        counts["revisions"] = write_revisions(archive)
        counts["comments"], counts["subscriptions"] = write_comments(archive)
        counts["columns"], counts["republications"] = write_columns(archive)
        counts["redirects"] = write_redirects(archive)
        counts["media"] = write_media(archive)
        archive.finish(counts)
    return counts


def permission_names(permissions):
    return sorted(f"{p.content_type.app_label}.{p.codename}" for p in permissions)


def write_users(archive):
    groups = [
        {"name": group.name, "permissions": permission_names(group.permissions.all())}
        for group in Group.objects.prefetch_related("permissions__content_type").order_by("name")
    ]
    users = [
        {
            "id": user.pk,
            "username": user.username,
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "display_name": user.display_name,
            "bio": user.bio,
            "website": user.website,
            "preferred_language": user.preferred_language,
            "is_active": user.is_active,
            "is_staff": user.is_staff,
            "is_superuser": user.is_superuser,
            "date_joined": when(user.date_joined),
            "last_login": when(user.last_login),
            "groups": sorted(group.name for group in user.groups.all()),
            "permissions": permission_names(user.user_permissions.all()),
        }
        for user in get_user_model().objects.prefetch_related("groups", "user_permissions__content_type").order_by("pk")
    ]
    archive.json("users.json", {"groups": groups, "users": users})
    return len(users)


def write_tags(archive):
    tags = [{"id": tag.pk, "name": tag.name, "slug": tag.slug} for tag in Tag.objects.order_by("pk")]
    archive.json("tags.json", tags)
    return len(tags)


def post_file(post):
    return f"posts/{post.language}/{post.slug}.{EXTENSIONS.get(post.markup, 'txt')}"


def write_posts(archive):
    posts = Post.objects.select_related("author").prefetch_related("translations").order_by("pk")
    tagged = {}
    for post_id, name in Post.tags.through.objects.order_by("pk").values_list("content_object_id", "tag__name"):
        tagged.setdefault(post_id, []).append(name)
    count = 0
    for post in posts.iterator(chunk_size=500):
        summaries = {t.language_code: t.summary for t in sorted(post.translations.all(), key=lambda t: t.pk)}
        meta = {
            "id": post.pk,
            "title": post.title,
            "slug": post.slug,
            "language": post.language,
            "status": post.status,
            "published_at": post.published_at,
            "author": post.author.username,
            "markup": post.markup,
            "allow_comments": post.allow_comments,
            "translation_of": post.translation_of_id,
            "wordpress_id": post.wordpress_id,
            "created_at": post.created_at,
            "updated_at": post.updated_at,
            "tags": tagged.get(post.pk, []),
            "summary": summaries,
        }
        archive.text(post_file(post), frontmatter.dumps(meta, post.body))
        count += 1
    return count


def write_revisions(archive):
    revisions = [
        {
            "id": revision.pk,
            "post": revision.post_id,
            "user": revision.user.username if revision.user else None,
            "created_at": when(revision.created_at),
            "kind": revision.kind,
            "restored_from": revision.restored_from_id,
            "data": revision.data,
        }
        for revision in Revision.objects.select_related("user").order_by("pk")
    ]
    archive.json("revisions.json", revisions)
    return len(revisions)


def write_comments(archive):
    counted = {"comments": 0, "subscriptions": 0}

    def comments():
        for comment in Comment.objects.select_related("user").order_by("pk").iterator(chunk_size=2000):
            counted["comments"] += 1
            yield {
                "id": comment.pk,
                "post": comment.post_id,
                "parent": comment.parent_id,
                "kind": comment.kind,
                "author_name": comment.author_name,
                "author_email": comment.author_email,
                "author_url": comment.author_url,
                "user": comment.user.username if comment.user else None,
                "body": comment.body,
                "status": comment.status,
                "language": comment.language,
                "ip_address": comment.ip_address,
                "user_agent": comment.user_agent,
                "created_at": when(comment.created_at),
                "submission": str(comment.submission) if comment.submission else None,
                "wordpress_id": comment.wordpress_id,
                "held_because": comment.held_because,
            }

    def subscriptions():
        for subscription in Subscription.objects.order_by("pk").iterator(chunk_size=2000):
            counted["subscriptions"] += 1
            yield {
                "id": subscription.pk,
                "post": subscription.post_id,
                "email": subscription.email,
                "scope": subscription.scope,
                "comment": subscription.comment_id,
                "language": subscription.language,
                "token": subscription.token,
                "created_at": when(subscription.created_at),
                "confirmed_at": when(subscription.confirmed_at),
            }

    archive.json("comments.json", {"comments": comments(), "subscriptions": subscriptions()})
    return counted["comments"], counted["subscriptions"]


def write_columns(archive):
    publications = list(Publication.objects.order_by("pk").values("id", "name", "slug", "url", "language"))
    columns = [
        {
            "id": column.pk,
            "publication": column.publication_id,
            "name": column.name,
            "slug": column.slug,
            "description": {t.language_code: t.description for t in sorted(column.translations.all(), key=pk)},
        }
        for column in Column.objects.prefetch_related("translations").order_by("pk")
    ]
    republications = [
        {
            "id": piece.pk,
            "post": piece.post_id,
            "column": piece.column_id,
            "original_url": piece.original_url,
            "original_title": piece.original_title,
            "originally_published_on": piece.originally_published_on.isoformat()
            if piece.originally_published_on
            else None,
            "original_status": piece.original_status,
            "moved_to_url": piece.moved_to_url,
            "checked_at": when(piece.checked_at),
            "failed_checks": piece.failed_checks,
            "last_check_error": piece.last_check_error,
            "archive_url": piece.archive_url,
        }
        for piece in Republication.objects.order_by("pk")
    ]
    archive.json("columns.json", {"publications": publications, "columns": columns, "republications": republications})
    return len(columns), len(republications)


def pk(instance):
    return instance.pk


def write_redirects(archive):
    redirects = (
        {
            "id": redirect.pk,
            "old_path": redirect.old_path,
            "post": redirect.post_id,
            "tag": redirect.tag_id,
            "page": getattr(redirect, "page_id", None),
            "target": redirect.target,
            "created_at": when(redirect.created_at),
        }
        for redirect in Redirect.objects.order_by("pk").iterator(chunk_size=5000)
    )
    old_slugs = (
        {"id": old.pk, "post": old.post_id, "slug": old.slug, "created_at": when(old.created_at)}
        for old in OldSlug.objects.order_by("pk").iterator(chunk_size=5000)
    )
    archive.json("redirects.json", {"redirects": redirects, "old_slugs": old_slugs})
    return Redirect.objects.count() + OldSlug.objects.count()


def write_media(archive):
    items = []
    for item in MediaItem.objects.select_related("uploaded_by").order_by("pk"):
        with default_storage.open(item.file.name, "rb") as original:
            archive.copy(f"media/{item.file.name}", original)
        items.append(
            {
                "id": item.pk,
                "file": item.file.name,
                "original_name": item.original_name,
                "kind": item.kind,
                "content_type": item.content_type,
                "size": item.size,
                "width": item.width,
                "height": item.height,
                "checksum": item.checksum,
                "alt_text": item.alt_text,
                "caption": item.caption,
                "credit": item.credit,
                "uploaded_by": item.uploaded_by.username,
                "created_at": when(item.created_at),
                "renditions": item.renditions,
            }
        )
    archive.json("media.json", items)
    return len(items)
