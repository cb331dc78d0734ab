import random
from datetime import datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from django.core.management.base import BaseCommand, CommandError
from PIL import Image, ImageDraw

HEADER = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Generated blog</title>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_blog_url>https://blog.example.org</wp:base_blog_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>author</wp:author_login>
<wp:author_email>author@example.org</wp:author_email><wp:author_display_name>Author</wp:author_display_name></wp:author>
"""
PARAGRAPH = "Lorem ipsum dolor sit amet, <em>consectetur</em> adipiscing elit, sed do eiusmod tempor incididunt. "


class Command(BaseCommand):
    help = "Write a synthetic WordPress export (for measuring import time and memory)."

    def add_arguments(self, parser):
        parser.add_argument("output")
        parser.add_argument("--posts", type=int, default=5000)
        parser.add_argument("--comments", type=int, default=50000, help="In total, spread over the posts.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--pictures", type=int, default=0, help="Pictures shown by the posts, as attachments.")
        parser.add_argument("--uploads", metavar="DIR", help="Where to write the pictures (a wp-content/uploads).")

    def handle(self, *args, output, posts, comments, seed, pictures, uploads, **options):
        if pictures and not uploads:
            raise CommandError("--pictures needs --uploads DIR.")
        rng = random.Random(seed)
        start = datetime(2005, 1, 1)
        comment_id = 0
        with open(output, "w", encoding="utf-8") as out:
            out.write(HEADER)
            for number in range(1, posts + 1):
                day = start + timedelta(hours=41 * number)
                language, other = rng.choice([("fr", "en"), ("en", "fr")])
                body = "\n\n".join(PARAGRAPH * rng.randint(2, 6) for _ in range(rng.randint(3, 8)))
                body = f"[{other}] A short summary of post {number}.\n\n{body}\n<!--more-->\n{PARAGRAPH}"
                if number <= pictures:
                    body += "\n\n" + picture(Path(uploads), number, day, rng)
                tags = "".join(
                    f'<category domain="post_tag" nicename="tag-{t}"><![CDATA[Tag {t}]]></category>'
                    for t in rng.sample(range(300), 4)
                )
                out.write(
                    f"<item><title>Post number {number} [{language}]</title>"
                    f"<link>https://blog.example.org/{day:%Y/%m/%d}/post-{number}/</link>"
                    f"<dc:creator>author</dc:creator><content:encoded><![CDATA[{body}]]></content:encoded>"
                    f"<wp:post_id>{number}</wp:post_id><wp:post_date_gmt>{day:%Y-%m-%d %H:%M:%S}</wp:post_date_gmt>"
                    f"<wp:comment_status>open</wp:comment_status><wp:post_name>post-{number}</wp:post_name>"
                    f"<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>{tags}\n"
                )
                share = comments // posts + (1 if number <= comments % posts else 0)
                first = comment_id + 1
                for _ in range(share):
                    comment_id += 1
                    parent = rng.randint(first, comment_id - 1) if comment_id > first and rng.random() < 0.4 else 0
                    when = day + timedelta(minutes=17 * (comment_id - first + 1))
                    out.write(
                        f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>"
                        f"<wp:comment_author>{escape(f'Reader {comment_id % 997}')}</wp:comment_author>"
                        f"<wp:comment_author_email>reader{comment_id % 997}@example.org</wp:comment_author_email>"
                        f"<wp:comment_author_IP>192.0.2.{comment_id % 250}</wp:comment_author_IP>"
                        f"<wp:comment_date_gmt>{when:%Y-%m-%d %H:%M:%S}</wp:comment_date_gmt>"
                        f"<wp:comment_content><![CDATA[Comment {comment_id}.\n\nAnd more.]]></wp:comment_content>"
                        f"<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>{parent}</wp:comment_parent>"
                        f"</wp:comment>\n"
                    )
                out.write("</item>\n")
            for number in range(1, min(pictures, posts) + 1):
                out.write(attachment(number, start + timedelta(hours=41 * number)))
            out.write("</channel>\n</rss>\n")
        self.stdout.write(self.style.SUCCESS(f"Wrote {posts} posts and {comment_id} comments to {output}."))


def picture(uploads, number, day, rng):
    """A photo-sized JPEG and its 300 px copy in `uploads`; the HTML WordPress put in the post."""
    path = f"{day:%Y/%m}/photo-{number}"
    (uploads / f"{day:%Y/%m}").mkdir(parents=True, exist_ok=True)
    image = Image.linear_gradient("L").resize((1600, 1067)).convert("RGB")
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.randrange(1600), rng.randrange(1067)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.ellipse((x, y, x + rng.randrange(20, 300), y + rng.randrange(20, 300)), fill=colour)
    image.save(uploads / f"{path}.jpg", quality=85)
    image.resize((300, 200)).save(uploads / f"{path}-300x200.jpg", quality=85)
    base = "https://blog.example.org/wp-content/uploads"
    return (
        f'<a href="{base}/{path}.jpg"><img src="{base}/{path}-300x200.jpg" alt="Picture {number}" '
        f'srcset="{base}/{path}-300x200.jpg 300w, {base}/{path}.jpg 1600w" width="300" height="200"></a>'
    )


def attachment(number, day):
    return (
        f"<item><title>photo-{number}</title><dc:creator>author</dc:creator>"
        f"<excerpt:encoded><![CDATA[Caption {number}]]></excerpt:encoded>"
        f"<wp:post_id>{1_000_000 + number}</wp:post_id><wp:post_parent>{number}</wp:post_parent>"
        f"<wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type>"
        f"<wp:attachment_url>https://blog.example.org/wp-content/uploads/{day:%Y/%m}/photo-{number}.jpg"
        f"</wp:attachment_url><wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key>"
        f"<wp:meta_value><![CDATA[Alt text {number}]]></wp:meta_value></wp:postmeta></item>\n"
    )
