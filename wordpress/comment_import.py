"""The comments of the export's posts, with their threads, stored a batch at a time.

Each remembers its WordPress id: a second run updates what changed and creates nothing.
"""

from functools import cached_property

from django.utils import timezone
from django.utils.translation import gettext as _

from blog.models import Language
from comments.models import Comment, CommentKind, CommentStatus

from . import content, detection
from .values import parse_date, valid_email, valid_ip, valid_url
from .wxr import to_int

COMMENT_STATUS = {
    "1": CommentStatus.APPROVED,
    "approve": CommentStatus.APPROVED,
    "0": CommentStatus.PENDING,
    "hold": CommentStatus.PENDING,
    "spam": CommentStatus.SPAM,
    "trash": CommentStatus.REMOVED,
    "post-trashed": CommentStatus.REMOVED,
}
COMMENT_KIND = {"": CommentKind.COMMENT, "comment": CommentKind.COMMENT, **{k: k for k in ("pingback", "trackback")}}
COMMENT_FIELDS = [
    *("kind", "author_name", "author_email", "author_url", "ip_address", "created_at", "body", "status", "user")
]


class CommentImport:
    def __init__(self, run):
        self.importer = run
        self.report = run.report
        self.ids = set()  # WordPress ids of the comments stored or waiting in `waiting`
        self.waiting = {}  # {WordPress id: (comment, its parent or None)}, stored by insert()

    def load(self):
        """Called once the transaction has begun: the comments an earlier run stored."""
        self.ids = set(Comment.objects.exclude(wordpress_id=None).values_list("wordpress_id", flat=True))

    def import_comments(self, item, post):
        wanted = {}
        for comment in item.comments:
            kind = COMMENT_KIND.get(comment.type)
            if kind is None:
                self.report.add("comment", "skipped", _("type “%(type)s”") % {"type": comment.type})
            elif not comment.id or comment.id in wanted:
                self.report.add("comment", "skipped", _("no WordPress id, or the same id twice"))
            else:
                wanted[comment.id] = comment
        existing = {}
        if not self.ids.isdisjoint(wanted):
            self.importer.flush()  # one of them may be waiting among the earlier posts' comments
            existing = {c.wordpress_id: c for c in Comment.objects.filter(wordpress_id__in=wanted)}
        new, changed = {}, set()
        for wordpress_id, comment in wanted.items():
            values = self.comment_values(comment, kind=COMMENT_KIND[comment.type])
            stored = existing.get(wordpress_id)
            if stored is None:
                # Written in the post's language unless its words tell another (a French reader on an English post).
                language = detection.detect("", values["body"], Language.values) or post.language
                new[wordpress_id] = Comment(post=post, wordpress_id=wordpress_id, language=language, **values)
                continue
            values["post_id"] = post.pk
            differs = [name for name, value in values.items() if getattr(stored, name) != value]
            for name in differs:
                setattr(stored, name, values[name])
            if differs:
                changed.add(wordpress_id)
        by_wordpress_id = {**existing, **new}
        for wordpress_id, comment in wanted.items():
            parent = by_wordpress_id.get(comment.parent_id)
            if comment.parent_id and parent is None:
                self.report.note("comment", _("reply to a comment missing from the export: kept as a comment"))
            if wordpress_id in new:
                self.waiting[wordpress_id] = (new[wordpress_id], parent)
        self.ids.update(new)
        if existing:
            self.importer.flush()  # a stored comment may now reply to a new one: it needs its id
            self.link_threads(wanted, existing, by_wordpress_id, changed)
            Comment.objects.bulk_update([existing[i] for i in changed], [*COMMENT_FIELDS, "post", "parent"])
        self.report.add("comment", "created", count=len(new))
        self.report.add("comment", "updated", count=len(changed))
        self.report.add("comment", "unchanged", count=len(existing.keys() - changed))

    def link_threads(self, wanted, existing, by_wordpress_id, changed):
        for wordpress_id, stored in existing.items():
            parent = by_wordpress_id.get(wanted[wordpress_id].parent_id)
            parent_id = parent.pk if parent else None
            if stored.parent_id != parent_id:
                stored.parent_id = parent_id
                changed.add(wordpress_id)

    def insert(self):
        """Store the new comments parents first, so that each reply is stored with its parent's id."""
        waiting = self.waiting
        while waiting:
            ready = [i for i, (_c, parent) in waiting.items() if parent is None or parent.wordpress_id not in waiting]
            # None ready: the rest reply to each other in a loop, and are linked once they all have ids.
            level = [waiting.pop(i) for i in ready or list(waiting)]
            for comment, parent in level:
                comment.parent_id = parent.pk if parent else None
            Comment.objects.bulk_create([comment for comment, _parent in level])
            if not ready:
                for comment, parent in level:
                    comment.parent_id = parent.pk
                Comment.objects.bulk_update([comment for comment, _parent in level], ["parent"])

    def comment_values(self, comment, kind):
        return {
            "kind": kind,
            "author_name": (comment.author or _("Anonymous"))[:100],
            "author_email": comment.email if valid_email(comment.email) else "",
            "author_url": comment.url if len(comment.url) <= 500 and valid_url(comment.url) else "",
            "ip_address": valid_ip(comment.ip),
            "created_at": parse_date(comment.date_gmt) or parse_date(comment.date, local=True) or timezone.now(),
            "body": content.comment_text(comment.content),
            "status": COMMENT_STATUS.get(comment.approved, CommentStatus.PENDING),
            "user_id": self.commenting_user_id(comment.user_id),
        }

    @cached_property
    def author_logins(self):
        """{WordPress user id: login} of the blog's authors; read once the export's header is in."""
        return {to_int(author.id): login for login, author in self.importer.site.authors.items() if author.id}

    def commenting_user_id(self, wordpress_user_id):
        """The Carnet user behind a comment written by one of the blog's authors."""
        login = self.author_logins.get(wordpress_user_id) if wordpress_user_id else None
        return self.importer.user_for(login).pk if login else None
