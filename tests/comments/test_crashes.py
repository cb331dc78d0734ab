"""Crash tests: real processes (gunicorn, db_worker) killed with SIGKILL at each step of a comment's
e-mails, restarted, swept; a real SMTP server counts what arrives.

Run alone: `.venv/bin/pytest tests/comments/test_crashes.py -s` prints the table.
"""

import email
import http.client
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db,
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
        reason="the crash test runs its processes on a SQLite file of its own",
    ),
]


def free_ports(count):
    """Ports no one listens on, chosen by the system (a fixed one may be taken by another run)."""
    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]
    finally:
        for probe in probes:
            probe.close()


WEB_PORT, SMTP_PORT = free_ports(2)
EXPECTED = {"reader@example.org", "claire@example.org", "marc@example.org"}  # confirmation, two moderators
SEED = """
import datetime
from django.contrib.auth.models import Group
from django.utils import timezone
from accounts.models import User
from blog.models import Post
claire = User.objects.create_user("claire", "claire@example.org", "x", is_staff=True, preferred_language="fr")
claire.groups.add(Group.objects.get(name="Authors"))
marc = User.objects.create_user("marc", "marc@example.org", "x", is_staff=True, preferred_language="en")
marc.groups.add(Group.objects.get(name="Editors"))
post = Post.objects.create(author=claire, language="fr", title="Billet", slug="billet", body="Texte.",
                           status="published", published_at=timezone.now() - datetime.timedelta(days=1))
print(post.get_absolute_url())
"""
# (step killed, process killed)
STEPS = [
    ("none", None),
    ("comment-saved", "web"),
    ("notifications-created", "web"),
    ("comment-committed", "web"),
    ("task-claimed", "worker"),
    ("mail-sent", "worker"),
]


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture(scope="module")
def template_database(tmp_path_factory):
    """A migrated SQLite file with an author, an editor and a post, copied for each crash."""
    path = tmp_path_factory.mktemp("crashes") / "template.sqlite3"
    env = environment(path)
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")  # production serves hashed files from the manifest
    url = manage(env, "shell", "-c", SEED).stdout.strip().splitlines()[-1]
    return path, url


@pytest.fixture
def inbox():
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=SMTP_PORT)
    controller.start()
    yield handler
    controller.stop()


def environment(database, **extra):
    return {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "SECRET_KEY": "crash-test-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "HTTPS": "0",
        "DATABASE_URL": f"sqlite:///{database}",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(SMTP_PORT),
        "COMMENTS_MIN_SECONDS": "0",
        "COMMENTS_TASK_STALE_AFTER": "0",  # the worker is known dead here: reclaim at once
        "COMMENTS_OUTBOX_GRACE": "0",
        **extra,
    }


def manage(env, *arguments):
    result = subprocess.run(  # noqa: S603 (the project's own manage.py)
        [sys.executable, "manage.py", *arguments], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result


def start(env, *command):
    return subprocess.Popen(  # noqa: S603
        [sys.executable, *command], env=env, cwd=settings.BASE_DIR, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def request(method, path, body=None, headers=None, attempts=60):
    """An HTTP request that, like a reader, tries again when the answer is lost."""
    for _attempt in range(attempts):
        conn = http.client.HTTPConnection("127.0.0.1", WEB_PORT, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response, response.read().decode()
        except (ConnectionError, TimeoutError, http.client.RemoteDisconnected):
            time.sleep(0.5)
        finally:
            conn.close()
    raise AssertionError(f"no answer from {path}")


def post_comment(url):
    """Open the post, fill in the form, send it; send the same form again while no answer comes."""
    _response, html = request("GET", url)
    fields = dict(re.findall(r'name="(submission)" value="([^"]*)"', html))
    # The page may be the one the cache keeps for every reader: the form's own keys come
    # from comments:form-keys, as the page's script fetches them.
    keys_url = re.search(r'data-form-keys="([^"]+)"', html).group(1)
    response, keys = request("GET", keys_url)
    cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie")).group(1)
    fields |= json.loads(keys)
    fields |= {
        "author_name": "Lectrice",
        "author_email": "reader@example.org",
        "body": "Un commentaire qui doit survivre.",
        "notify": "on",
        "notify_scope": "all",
    }
    action = re.search(r'<form method="post" action="([^"#]+)', html).group(1)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={cookie}"}
    response, _html = request("POST", action, urllib.parse.urlencode(fields), headers)
    assert response.status == 302, _html[:500]


def wait_for(process, seconds=180):
    try:
        return process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        raise


def crash(step, killed, template_database, inbox, tmp_path):
    template, url = template_database
    database = tmp_path / "carnet.sqlite3"
    shutil.copy(template, database)
    env = environment(database, CARNET_FAULT=step, CARNET_FAULT_ONCE=str(tmp_path / "fired"))
    web = start(
        env, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{WEB_PORT}", "--workers", "1", "--timeout", "120"
    )
    try:
        post_comment(url)
    finally:
        web.send_signal(signal.SIGTERM)
        wait_for(web)
    worker = ["manage.py", "db_worker", "--no-startup-delay", "--interval", "0.2"]
    if killed == "worker":
        assert wait_for(start(env, *worker)) == -signal.SIGKILL
    manage(env, "sweep_outbox")  # what cron runs every few minutes
    assert wait_for(start(env, *worker, "--batch")) == 0
    with sqlite3.connect(database) as db:
        comments = db.execute("SELECT COUNT(*) FROM comments_comment").fetchone()[0]
    return comments, (tmp_path / "fired").exists()


def test_every_email_arrives_after_any_crash(template_database, inbox, tmp_path, capsys):
    """Killed at any step, web or task worker, then restarted and swept: one comment, every e-mail delivered."""
    rows = []
    for step, killed in STEPS:
        inbox.messages.clear()
        folder = tmp_path / step
        folder.mkdir()
        comments, fired = crash(step, killed, template_database, inbox, folder)
        delivered = [message["To"] for message in inbox.messages]
        duplicates = len(delivered) - len(set(delivered))
        same_id = len({m["Message-ID"] for m in inbox.messages}) == len(set(delivered))
        rows.append((step, killed or "-", fired, comments, len(EXPECTED), len(set(delivered) & EXPECTED), duplicates))
        assert fired or step == "none"
        assert comments == 1, step
        assert set(delivered) == EXPECTED, step
        # SMTP has no "exactly once": killed between the server's 250 and the row marked sent,
        # the worker sends again, under the same Message-ID. Nowhere else may a duplicate appear.
        assert duplicates == (1 if step == "mail-sent" else 0), step
        assert same_id, step
    with capsys.disabled():
        print("\nstep killed | process | killed? | comments | e-mails expected | delivered | duplicates")
        for row in rows:
            print(" | ".join(str(cell) for cell in row))
