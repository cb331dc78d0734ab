import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import Counter
from http.cookiejar import CookieJar

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from blog.models import Post
from comments.models import Comment

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TIMESTAMP = re.compile(r'name="timestamp" value="([^"]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Reader:
    """One reader in a thread: loads the post page (cookie, CSRF token, form timestamp), then comments."""

    def __init__(self, number, post_url, comment_url, marker):
        self.number = number
        self.post_url = post_url
        self.comment_url = comment_url
        self.marker = marker
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()), NoRedirect)
        self.status = None
        self.body = ""

    def load_form(self):
        html = self.opener.open(self.post_url, timeout=30).read().decode()
        self.form = {
            "csrfmiddlewaretoken": CSRF.search(html).group(1),
            "timestamp": TIMESTAMP.search(html).group(1),
            "author_name": f"Load reader {self.number}",
            "author_email": f"load{self.number}@example.org",
            "body": f"{self.marker} #{self.number}",
            "leave_empty": "",
        }

    def send(self, start):
        start.wait()
        request = urllib.request.Request(  # noqa: S310 - the server given on the command line
            self.comment_url,
            data=urllib.parse.urlencode(self.form).encode(),
            headers={"Referer": self.post_url},
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                self.status, self.body = response.status, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            self.status, self.body = error.code, error.read().decode(errors="replace")
        except OSError as error:
            self.status, self.body = "no answer", str(error)


class Command(BaseCommand):
    help = (
        "Send N comments at the same moment, from N threads, to a running server of this project, then count "
        "them in the database: none may be lost nor fail with 'database is locked'. Start the server on the "
        "same database with a rate limit above N, e.g. COMMENTS_RATE_LIMIT=1000 gunicorn config.wsgi "
        "-b 127.0.0.1:8765 -w 4 --threads 4"
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8765", help="The running server.")
        parser.add_argument("--count", type=int, default=50)
        parser.add_argument("--slug", help="The post to comment on (default: the latest open one).")

    def handle(self, *args, url, count, slug, **options):
        posts = Post.objects.published()
        post = posts.filter(slug=slug).first() if slug else next((p for p in posts if p.comments_open), None)
        if post is None:
            raise CommandError("No published post open to comments (run seed_demo, or give --slug).")
        marker = f"load-test {uuid.uuid4().hex[:8]}"
        server = url.rstrip("/")
        post_url, comment_url = server + post.get_absolute_url(), server + post.get_url("comments:create")
        readers = [Reader(n, post_url, comment_url, marker) for n in range(count)]
        for reader in readers:
            reader.load_form()
        time.sleep(settings.COMMENTS_MIN_SECONDS + 0.5)  # a reader takes a moment to write

        start = threading.Event()
        threads = [threading.Thread(target=reader.send, args=(start,)) for reader in readers]
        for thread in threads:
            thread.start()
        began = time.monotonic()
        start.set()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - began

        statuses = Counter(reader.status for reader in readers)
        locked = sum("database is locked" in reader.body for reader in readers)
        stored = Comment.objects.filter(post=post, body__startswith=marker).count()
        self.stdout.write(f"Post: {post.get_absolute_url()}  marker: {marker}")
        self.stdout.write(f"{count} comments sent at once in {elapsed:.2f} s; answers: {dict(statuses)}")
        self.stdout.write(f"Stored: {stored}/{count}; 'database is locked' answers: {locked}")
        if statuses.get(429):
            self.stdout.write(self.style.WARNING("HTTP 429: start the server with COMMENTS_RATE_LIMIT above --count."))
        if stored != count or locked:
            raise CommandError(f"{count - stored} comments not stored, {locked} 'database is locked'.")
        self.stdout.write(self.style.SUCCESS("None lost, none locked."))
