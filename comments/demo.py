"""Demo comments: a short conversation with a reply, and a first comment awaiting moderation."""

from blog.models import Post

from .models import Comment, CommentStatus

COMMENTS = [
    # (post slug, key, reply to key, name, e-mail, status, body)
    (
        "why-i-still-keep-a-blog",
        "anna",
        None,
        "Anna",
        "anna@example.org",
        CommentStatus.APPROVED,
        "Same here: my blog is the only place online that still looks like me.\n\n"
        "I wrote about it at https://example.org/anna/why-blog",
    ),
    (
        "why-i-still-keep-a-blog",
        "reply",
        "anna",
        "Claire Martin",
        "claire@example.org",
        CommentStatus.APPROVED,
        "Thank you Anna! Reading yours now.",
    ),
    (
        "le-temps-que-ca-prend",
        "marc",
        None,
        "Marc",
        "marc@example.org",
        CommentStatus.PENDING,
        "Premier commentaire de Marc : il attend la modération dans l'admin.",
    ),
]


def seed(author):
    """A short conversation in which the author answers, and a first comment awaiting moderation."""
    stored = {}
    for slug, key, parent_key, name, email, status, body in COMMENTS:
        post = Post.objects.get(slug=slug)
        stored[key], _created = Comment.objects.get_or_create(
            post=post,
            author_email=email,
            body=body,
            defaults={
                "author_name": name,
                "status": status,
                "parent": stored.get(parent_key),
                "language": post.language,  # each comment is written in its post's language
                "user": author if email == author.email else None,
            },
        )
