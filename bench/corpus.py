"""A generated blog of realistic size, written with bulk_create (no signals, no per-row saves).

10,000 posts in French and English with summaries, 2,000 tags in a long tail, 100,000
comments (some threads of 200 and more), 300 republished columns. Two posts are named for
the benchmark: `bench-10-comments` and `bench-200-comments`.
"""

import datetime
import itertools
import random

from django.db import connection, transaction
from django.utils import timezone
from taggit.models import Tag

from accounts.models import User
from blog.models import Post, PostStatus, TaggedPost
from columns.models import Column, Publication, Republication
from search.benchmark import WORDS, sentence
from search.indexing import rebuild

Comment = Post._meta.get_field("comments").related_model
PostTranslation = Post._parler_meta.root_model
ColumnTranslation = Column._parler_meta.root_model

POSTS = 10_000
TAGS = 2_000
COMMENTS = 100_000
REPUBLICATIONS = 300
LONG_THREADS = 20  # posts with 200+ comments, the named one included
YEARS = 20
SMALL_POST = "bench-10-comments"
BIG_POST = "bench-200-comments"
POPULAR_TAG = "internet"


def paragraphs(rng, language, count, words=(20, 60)):
    return [sentence(rng, language, rng.randint(*words)) for _ in range(count)]


def _html(paras):
    return "\n".join(f"<p>{text}</p>" for text in paras)


def generate(seed=13, posts=POSTS, tags=TAGS, comments=COMMENTS, republications=REPUBLICATIONS):
    """Fill an empty database; returns a dict of how many rows of each kind were written."""
    counts = _fill(seed, posts, tags, comments, republications)
    if connection.vendor == "postgresql":
        # The tables as autovacuum leaves a live site's: with the planner's statistics, and with the visibility
        # map that lets an index-only scan (a list's comment counts) skip the table. Run before autovacuum came
        # by, the first pages measured read the table's rows as well.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return counts


@transaction.atomic
def _fill(seed, posts, tags, comments, republications):
    rng = random.Random(seed)
    now = timezone.now()
    authors = [
        User.objects.create(username=name, display_name=display, email=f"{name}@example.org", is_staff=True)
        for name, display in [("claire", "Claire Martin"), ("paul", "Paul Durand")]
    ]
    tag_objects = _tags(rng, tags)
    post_objects = _posts(rng, now, posts, authors)
    _summaries(rng, post_objects)
    _tagging(rng, post_objects, tag_objects)
    _columns(rng, post_objects, republications)
    comment_count = _comments(rng, now, post_objects, comments)
    indexed = rebuild()
    return {"posts": len(post_objects), "tags": len(tag_objects), "comments": comment_count, "indexed": indexed}


def generate_scaled(posts):
    """The corpus with `posts` posts and the rest in the same proportions (long threads stay as they are)."""
    scale = posts / POSTS
    counts = {"tags": TAGS, "comments": COMMENTS, "republications": REPUBLICATIONS}
    return generate(posts=posts, **{name: max(1, round(count * scale)) for name, count in counts.items()})


def describe():
    """What the corpus holds, for the results' heading."""
    return f"{Post.objects.count():,} posts, {Tag.objects.count():,} tags, {Comment.objects.count():,} comments"


def _tags(rng, count):
    words = sorted({*WORDS["fr"], *WORDS["en"]} - {POPULAR_TAG})
    names = [POPULAR_TAG] + [f"{rng.choice(words)} {number}" for number in range(1, count)]
    return Tag.objects.bulk_create(
        [Tag(name=name, slug=name.replace(" ", "-").lower()) for name in names], batch_size=1000
    )


def _posts(rng, now, count, authors):
    step = datetime.timedelta(days=365 * YEARS) / count
    posts = []
    for number in range(count):
        language = rng.choice(["fr", "en"])
        paras = paragraphs(rng, language, rng.randint(4, 12))
        more = rng.random() < 0.5
        body = "\n\n".join([*paras[:2], "<!--more-->", *paras[2:]] if more else paras)
        slug = {0: SMALL_POST, 1: BIG_POST}.get(number, f"billet-{number}")
        status = PostStatus.DRAFT if number % 500 == 499 else PostStatus.PUBLISHED
        # Newest first; the two named posts are recent, and a few posts are scheduled.
        published_at = now - step * (number + 1) if number >= 5 or number < 2 else now + datetime.timedelta(days=number)
        posts.append(
            Post(
                author=authors[number % len(authors)],
                language=language,
                title=sentence(rng, language, rng.randint(3, 9))[:-1],
                slug=slug,
                body=body,
                body_html=_html(paras),
                excerpt_html=_html(paras[:2]) if more else "",
                status=status,
                published_at=published_at,
                allow_comments=True,
            )
        )
    return Post.objects.bulk_create(posts, batch_size=1000)


def _summaries(rng, posts):
    rows = []
    for post in posts:
        other = "en" if post.language == "fr" else "fr"
        rows.append(
            PostTranslation(master=post, language_code=other, summary=sentence(rng, other, rng.randint(15, 40)))
        )
        if rng.random() < 0.2:
            rows.append(
                PostTranslation(master=post, language_code=post.language, summary=sentence(rng, post.language, 20))
            )
    PostTranslation.objects.bulk_create(rows, batch_size=1000)


def _tagging(rng, posts, tags):
    """Each post 2–8 tags, tag n drawn with weight 1/(n+1): a few common tags, a long tail."""
    weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(tags))))
    rows = []
    for post in posts:
        chosen = {tags[0]} if rng.random() < 0.3 else set()
        while len(chosen) < rng.randint(2, 8):
            chosen.add(rng.choices(tags, cum_weights=weights)[0])
        rows.extend(TaggedPost(content_object=post, tag=tag) for tag in chosen)
    TaggedPost.objects.bulk_create(rows, batch_size=2000)


def _columns(rng, posts, count):
    publication = Publication.objects.create(
        name="Les Quotidiennes", slug="les-quotidiennes", url="https://www.lesquotidiennes.example", language="fr"
    )
    column = Column.objects.bulk_create(
        [Column(publication=publication, name="Chroniques du monde connecté", slug="chroniques")]
    )[0]
    ColumnTranslation.objects.bulk_create(
        [
            ColumnTranslation(master=column, language_code="fr", description="Je tiens une chronique hebdomadaire."),
            ColumnTranslation(master=column, language_code="en", description="I write a weekly column."),
        ]
    )
    chosen = rng.sample([post for post in posts[2:] if post.language == "fr"], count)
    Republication.objects.bulk_create(
        [
            Republication(
                post=post,
                column=column,
                original_url=f"https://www.lesquotidiennes.example/chroniques/{post.slug}",
                original_title=post.title,
                originally_published_on=post.published_at.date(),
            )
            for post in chosen
        ]
    )


def _comments(rng, now, posts, total):
    """Comments in three waves (top level, replies, replies to replies), so parents have ids first."""
    visible = [post for post in posts if post.status == PostStatus.PUBLISHED and post.published_at <= now]
    plan = {visible[0].pk: 10}
    for post in [visible[1], *rng.sample(visible[2:], LONG_THREADS - 1)]:
        plan[post.pk] = rng.randint(200, 320)
    rest = total - sum(plan.values())
    others = [post for post in visible if post.pk not in plan]
    for post in rng.choices(others, k=rest):
        plan[post.pk] = plan.get(post.pk, 0) + 1
    by_pk = {post.pk: post for post in posts}
    waves = [[], [], []]
    for pk, count in plan.items():
        for _ in range(count):
            waves[0 if rng.random() < 0.5 else rng.choice([1, 1, 2])].append(pk)
    created = []
    parents = {}
    for depth, wave in enumerate(waves):
        rows = []
        for pk in wave:
            post = by_pk[pk]
            candidates = parents.get((pk, depth - 1))
            parent = rng.choice(candidates) if candidates else None
            language = rng.choice(["fr", "en"])
            rows.append(
                Comment(
                    post=post,
                    parent=parent,
                    author_name=rng.choice(["Anne", "Marc", "Léa", "Tom", "Zoé", "Hugo", "Jane", "Sam"]),
                    author_email=f"reader{rng.randint(1, 5000)}@example.org",
                    author_url=rng.choice(["", "", "https://example.org/"]),
                    body="\n\n".join(paragraphs(rng, language, rng.randint(1, 3), words=(8, 40))),
                    status="approved" if pk in (posts[0].pk, posts[1].pk) or rng.random() < 0.95 else "pending",
                    language=language,
                    created_at=min(now, post.published_at + datetime.timedelta(minutes=rng.randint(5, 60 * 24 * 60))),
                )
            )
        for comment in Comment.objects.bulk_create(rows, batch_size=2000):
            parents.setdefault((comment.post_id, depth), []).append(comment)
            created.append(comment)
    return len(created)
