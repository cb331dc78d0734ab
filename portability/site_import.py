"""Restoring an archive written by export_site into an empty database, in one transaction.

Every row keeps its id, dates and slug, so every address and every public page comes
back as it was. Passwords are not in the archive: restored users set theirs with a
password reset. Picture renditions are made again from the originals.
"""

import hashlib
import posixpath
import tempfile

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import DatabaseError, connection, transaction
from django.utils.translation import gettext as _
from taggit.models import Tag

from blog.models import OldSlug, Post, Revision, TaggedPost
from columns.models import Column, Publication, Republication
from comments.models import Comment, Subscription
from media import renditions, usage, validation
from media.models import MediaItem
from search import indexing as search_index
from wordpress.models import Redirect

from .archive import ArchiveError, Reader, parse_when
from .pages import page_model, restore_pages

PostTranslation = Post._parler_meta.root_model
ColumnTranslation = Column._parler_meta.root_model
BATCH = 500


def content_counts():
    """What the database already holds that a restore would collide with."""
    found = {
        _("users"): get_user_model().objects.count(),
        _("posts"): Post.objects.count(),
        _("tags"): Tag.objects.count(),
        _("comments"): Comment.objects.count(),
        _("media items"): MediaItem.objects.count(),
        _("publications"): Publication.objects.count(),
        _("redirects"): Redirect.objects.count(),
    }
    if page_model():
        found[_("pages")] = page_model().objects.count()
    return {name: count for name, count in found.items() if count}


def import_site(path):
    """Restore the archive at `path`; returns its counts. Raises ArchiveError, storing nothing, when it cannot."""
    reader = Reader(path)
    try:
        return Restore(reader).run()
    finally:
        reader.close()


class Restore:
    def __init__(self, reader):
        self.reader = reader
        self.stored_files = []
        self.users = {}
        self.models = []

    def run(self):
        existing = content_counts()
        if existing:
            held = ", ".join(f"{count} {name}" for name, count in existing.items())
            raise ArchiveError(
                _("The database is not empty (%(held)s): import_site restores into an empty database only.")
                % {"held": held}
            )
        posts = self.read_posts()
        try:
            with transaction.atomic():
                self.restore_users()
                tags = self.restore_tags()
                self.restore_media()
                self.restore_posts(posts, tags)
                self.models += restore_pages(self.reader, create_keeping_dates)
                self.restore_comments()
                self.restore_columns()
                self.restore_redirects()
                self.reset_sequences()
        except BaseException as error:
            for name in self.stored_files:
                default_storage.delete(name)
            if isinstance(error, KeyError):
                raise ArchiveError(_("The archive lacks a required field: %(field)s.") % {"field": error}) from error
            if isinstance(error, DatabaseError | ValueError | TypeError | ValidationError):
                raise ArchiveError(_("The archive's data cannot be stored: %(error)s") % {"error": error}) from error
            raise
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # the planner's statistics of the tables just filled
        cache.clear()  # nothing cached before the restore may outlive it (parler's translations, pages)
        return self.reader.manifest.get("counts", {})

    def user_id(self, username):
        if username is None:
            return None
        if username not in self.users:
            raise ArchiveError(_("The archive names a user “%(username)s” it does not hold.") % {"username": username})
        return self.users[username]

    # Reading

    def read_posts(self):
        return [self.reader.front_matter(name) for name in self.reader.names("posts/")]

    # Storing

    def restore_users(self):
        data = self.reader.json("users.json")
        permissions = {
            f"{p.content_type.app_label}.{p.codename}": p for p in Permission.objects.select_related("content_type")
        }
        groups = {}
        for spec in data.get("groups", []):
            group, _created = Group.objects.get_or_create(name=spec["name"])
            group.permissions.add(*(permissions[name] for name in spec["permissions"] if name in permissions))
            groups[group.name] = group
        User = get_user_model()
        users = []
        for spec in data["users"]:
            user = User(
                id=spec["id"],
                username=spec["username"],
                email=spec["email"],
                first_name=spec["first_name"],
                last_name=spec["last_name"],
                display_name=spec["display_name"],
                bio=spec["bio"],
                website=spec["website"],
                preferred_language=spec["preferred_language"],
                is_active=spec["is_active"],
                is_staff=spec["is_staff"],
                is_superuser=spec["is_superuser"],
                date_joined=parse_when(spec["date_joined"]),
                last_login=parse_when(spec["last_login"]),
            )
            user.set_unusable_password()
            users.append(user)
        User.objects.bulk_create(users, batch_size=BATCH)
        for user, spec in zip(users, data["users"], strict=True):
            self.users[user.username] = user.pk
            user.groups.add(*(groups[name] for name in spec["groups"] if name in groups))
            user.user_permissions.add(*(permissions[name] for name in spec["permissions"] if name in permissions))

    def restore_tags(self):
        tags = [Tag(id=spec["id"], name=spec["name"], slug=spec["slug"]) for spec in self.reader.json("tags.json")]
        Tag.objects.bulk_create(tags, batch_size=BATCH)
        return {tag.name: tag.pk for tag in tags}

    def restore_media(self):
        items = []
        for spec in self.reader.json("media.json", default=[]):
            name = spec["file"]
            self.store_file(f"media/{name}", name, spec["checksum"])
            made = self.make_renditions(name, spec) if spec["kind"] == "image" else []
            items.append(
                MediaItem(
                    id=spec["id"],
                    file=name,
                    original_name=spec["original_name"],
                    kind=spec["kind"],
                    content_type=spec["content_type"],
                    size=spec["size"],
                    width=spec["width"],
                    height=spec["height"],
                    checksum=spec["checksum"],
                    renditions=made,
                    alt_text=spec["alt_text"],
                    caption=spec["caption"],
                    credit=spec["credit"],
                    uploaded_by_id=self.user_id(spec["uploaded_by"]),
                    created_at=parse_when(spec["created_at"]),
                )
            )
        create_keeping_dates(MediaItem, items, ["created_at"])

    def store_file(self, member, name, checksum):
        """Copy the archive's `member` to storage as `name`, the address posts already use."""
        if default_storage.exists(name):
            with default_storage.open(name, "rb") as present:
                if sha256(present) == checksum:
                    return
            raise ArchiveError(
                _("The media storage already holds a different file at %(name)s: restore into empty media storage.")
                % {"name": name}
            )
        with self.reader.open(member) as source:
            stored = default_storage.save(name, File(source, name=posixpath.basename(name)))
        self.stored_files.append(stored)
        if stored != name:
            raise ArchiveError(_("The media storage did not keep the name %(name)s.") % {"name": name})

    def make_renditions(self, name, spec):
        """The picture's renditions made again, under the names the archive lists (the pages point to them)."""
        extension = posixpath.splitext(name)[1].lower().lstrip(".")
        with tempfile.TemporaryFile() as copy:
            self.reader.copy_to(f"media/{name}", copy)
            file = File(copy, name=posixpath.basename(name))
            try:
                inspection = validation.inspect_image(file, name, extension)
            except ValidationError as error:
                raise ArchiveError(" ".join(error.messages)) from error
            target = NamedRenditions(spec.get("renditions") or [], self.stored_files)
            return renditions.make(file, inspection, name.rsplit(".", 1)[0], target)

    def restore_posts(self, specs, tags):
        posts, translations, tagged = [], [], []
        for meta, body in sorted(specs, key=lambda spec: (spec[0].get("translation_of") is not None, spec[0]["id"])):
            post = Post(
                id=meta["id"],
                author_id=self.user_id(meta["author"]),
                language=meta["language"],
                title=meta["title"],
                slug=meta["slug"],
                body=body,
                markup=meta["markup"],
                status=meta["status"],
                published_at=meta.get("published_at"),
                allow_comments=meta["allow_comments"],
                wordpress_id=meta.get("wordpress_id"),
                translation_of_id=meta.get("translation_of"),
                created_at=meta["created_at"],
                updated_at=meta["updated_at"],
            )
            post.render()
            posts.append(post)
            translations += [
                PostTranslation(master_id=post.pk, language_code=code, summary=text)
                for code, text in meta.get("summary", {}).items()
            ]
            for tag_name in meta.get("tags", []):
                if tag_name not in tags:
                    raise ArchiveError(
                        _("Post %(slug)s has the tag “%(tag)s”, missing from tags.json.")
                        % {"slug": post.slug, "tag": tag_name}
                    )
                tagged.append(TaggedPost(content_object_id=post.pk, tag_id=tags[tag_name]))
        create_keeping_dates(Post, posts, ["created_at", "updated_at"])
        PostTranslation.objects.bulk_create(translations, batch_size=BATCH)
        TaggedPost.objects.bulk_create(tagged, batch_size=BATCH)
        for post in posts:  # which posts show which pictures (for the media library's warnings)
            if usage.references(post.body):
                usage.record(Post, post)
        search_index.rebuild()  # one pass, rather than a post_save per post (a third of the time of a restore)
        revisions = [
            Revision(
                id=spec["id"],
                post_id=spec["post"],
                user_id=self.user_id(spec["user"]),
                created_at=parse_when(spec["created_at"]),
                kind=spec["kind"],
                restored_from_id=spec["restored_from"],
                data=spec["data"],
            )
            for spec in self.reader.json("revisions.json", default=[])
        ]
        Revision.objects.bulk_create(revisions, batch_size=BATCH)

    def restore_comments(self):
        data = self.reader.json("comments.json")
        specs = data["comments"]
        for start in range(0, len(specs), BATCH):  # a batch at a time: 100,000 comments are not held as objects
            Comment.objects.bulk_create([self.comment(spec) for spec in specs[start : start + BATCH]])
        subscriptions = [
            Subscription(
                id=spec["id"],
                post_id=spec["post"],
                email=spec["email"],
                scope=spec["scope"],
                comment_id=spec["comment"],
                language=spec["language"],
                token=spec["token"],
                created_at=parse_when(spec["created_at"]),
                confirmed_at=parse_when(spec["confirmed_at"]),
            )
            for spec in data["subscriptions"]
        ]
        create_keeping_dates(Subscription, subscriptions, ["created_at"])

    def comment(self, spec):
        return Comment(
            id=spec["id"],
            post_id=spec["post"],
            parent_id=spec["parent"],
            kind=spec["kind"],
            author_name=spec["author_name"],
            author_email=spec["author_email"],
            author_url=spec["author_url"],
            user_id=self.user_id(spec["user"]),
            body=spec["body"],
            status=spec["status"],
            language=spec["language"],
            ip_address=spec["ip_address"],
            user_agent=spec["user_agent"],
            created_at=parse_when(spec["created_at"]),
            submission=spec["submission"],
            wordpress_id=spec["wordpress_id"],
            held_because=spec["held_because"],
        )

    def restore_columns(self):
        data = self.reader.json("columns.json")
        Publication.objects.bulk_create([Publication(**spec) for spec in data["publications"]])
        columns, descriptions = [], []
        for spec in data["columns"]:
            columns.append(
                Column(id=spec["id"], publication_id=spec["publication"], name=spec["name"], slug=spec["slug"])
            )
            descriptions += [
                ColumnTranslation(master_id=spec["id"], language_code=code, description=text)
                for code, text in spec["description"].items()
            ]
        Column.objects.bulk_create(columns)
        ColumnTranslation.objects.bulk_create(descriptions)
        Republication.objects.bulk_create(
            [
                Republication(
                    **{key: value for key, value in spec.items() if key not in ("post", "column", "checked_at")},
                    post_id=spec["post"],
                    column_id=spec["column"],
                    checked_at=parse_when(spec["checked_at"]),
                )
                for spec in data["republications"]
            ]
        )

    def restore_redirects(self):
        data = self.reader.json("redirects.json")
        redirects = [
            Redirect(
                id=spec["id"],
                old_path=spec["old_path"],
                post_id=spec["post"],
                tag_id=spec["tag"],
                **({"page_id": spec.get("page")} if page_model() else {}),
                target=spec["target"],
                created_at=parse_when(spec["created_at"]),
            )
            for spec in data["redirects"]
        ]
        create_keeping_dates(Redirect, redirects, ["created_at"])
        old_slugs = [
            OldSlug(id=spec["id"], post_id=spec["post"], slug=spec["slug"], created_at=parse_when(spec["created_at"]))
            for spec in data["old_slugs"]
        ]
        create_keeping_dates(OldSlug, old_slugs, ["created_at"])

    def reset_sequences(self):
        """PostgreSQL hands out ids from sequences that explicit ids do not move: set them past the restored rows."""
        models = [
            get_user_model(),
            Group,
            Tag,
            MediaItem,
            Post,
            PostTranslation,
            TaggedPost,
            Revision,
            Comment,
            Subscription,
            Publication,
            Column,
            ColumnTranslation,
            Republication,
            Redirect,
            OldSlug,
            *self.models,
        ]
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)


def create_keeping_dates(model, objects, date_fields):
    """bulk_create, then put back the dates that auto_now and auto_now_add replaced with the time of the import."""
    dates = [{name: getattr(obj, name) for name in date_fields} for obj in objects]
    model.objects.bulk_create(objects, batch_size=BATCH)
    for obj, kept in zip(objects, dates, strict=True):
        for name, value in kept.items():
            setattr(obj, name, value)
    model.objects.bulk_update(objects, date_fields, batch_size=BATCH)


class NamedRenditions:
    """A storage for media.renditions.make that saves each rendition under the name the archive recorded."""

    def __init__(self, recorded, stored_files):
        self.names = {(r.get("width"), r.get("format")): r.get("name") for r in recorded}
        self.stored_files = stored_files

    def save(self, name, content):
        _stem, width, extension = name.rsplit(".", 2)
        wanted = self.names.get((int(width), extension)) or name
        if default_storage.exists(wanted):
            default_storage.delete(wanted)  # a rendition is made from the original: an old copy is only stale
        stored = default_storage.save(wanted, content)
        self.stored_files.append(stored)
        return stored

    def delete(self, name):
        default_storage.delete(name)


def sha256(file):
    digest = hashlib.sha256()
    for chunk in iter(lambda: file.read(1 << 20), b""):
        digest.update(chunk)
    return digest.hexdigest()
