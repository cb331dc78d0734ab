import io
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from columns.models import OriginalStatus

from .factories import RepublicationFactory

pytestmark = pytest.mark.django_db

ANSWERS = {
    "/online": (200, {}),
    "/gone": (410, {}),
    "/missing": (404, {}),
    "/moved": (301, {"Location": "/new-home"}),
    "/moved-308": (308, {"Location": "https://mag.example/elsewhere"}),
    "/temporary": (302, {"Location": "/online"}),
    "/broken": (503, {}),
    "/script-redirect": (301, {"Location": "javascript:alert(1)"}),
}


class Magazine(BaseHTTPRequestHandler):
    """A magazine site answering each case of the issue; it records who visits and how many at once."""

    def do_GET(self):
        server, path = self.server, urlsplit(self.path).path
        with server.lock:
            server.user_agents.append(self.headers["User-Agent"])
            server.in_flight += 1
            server.most_in_flight = max(server.most_in_flight, server.in_flight)
        if path.startswith("/slow/"):
            time.sleep(float(path.removeprefix("/slow/")))
        with server.lock:  # before answering: once answered, the checker may start its next visit
            server.in_flight -= 1
        status, headers = ANSWERS.get(path, (200, {}))
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the checker gave up waiting, as it should

    def log_message(self, format, *args):
        pass


@pytest.fixture
def magazine():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Magazine)
    server.daemon_threads = True
    server.lock = threading.Lock()
    server.user_agents, server.in_flight, server.most_in_flight = [], 0, 0
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield server
    server.shutdown()
    server.server_close()


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def check(**options):
    out = io.StringIO()
    call_command("check_originals", stdout=out, **options)
    return out.getvalue()


def test_each_answer_is_recorded(magazine):
    """2xx is online, 301/308 is moved with the new address, 404/410 is gone, a temporary redirect is followed."""
    pieces = {path: RepublicationFactory(original_url=magazine.base + path) for path in ANSWERS if path != "/broken"}
    output = check()
    for piece in pieces.values():
        piece.refresh_from_db()
    assert pieces["/online"].original_status == OriginalStatus.ONLINE
    assert pieces["/temporary"].original_status == OriginalStatus.ONLINE
    assert pieces["/gone"].original_status == OriginalStatus.GONE
    assert pieces["/missing"].original_status == OriginalStatus.GONE
    assert pieces["/moved"].original_status == OriginalStatus.MOVED
    assert pieces["/moved"].moved_to_url == magazine.base + "/new-home"
    assert pieces["/moved-308"].moved_to_url == "https://mag.example/elsewhere"
    assert pieces["/online"].checked_at is not None and pieces["/online"].failed_checks == 0
    assert pieces["/script-redirect"].original_status == OriginalStatus.UNKNOWN  # not a usable address
    assert "Checked 7 originals: 2 online, 2 moved, 2 gone, 1 failed." in output
    assert f"Moved: {magazine.base}/moved → {magazine.base}/new-home" in output
    assert f"Gone: {magazine.base}/gone" in output


def test_failures_leave_the_status_and_count(magazine):
    """A 5xx, a timeout or a refused connection keeps the last known status and counts a failure; the rest go on."""
    broken = RepublicationFactory(original_url=magazine.base + "/broken", original_status=OriginalStatus.ONLINE)
    slow = RepublicationFactory(original_url=magazine.base + "/slow/2", original_status=OriginalStatus.MOVED)
    refused = RepublicationFactory(original_url=f"http://127.0.0.1:{closed_port()}/x", failed_checks=2)
    fine = RepublicationFactory(original_url=magazine.base + "/online")
    output = check(timeout=0.5)
    for piece in (broken, slow, refused, fine):
        piece.refresh_from_db()
    assert (broken.original_status, broken.failed_checks, broken.last_check_error) == ("online", 1, "HTTP 503")
    assert (slow.original_status, slow.failed_checks) == ("moved", 1)
    assert "timed out" in slow.last_check_error
    assert (refused.original_status, refused.failed_checks) == ("unknown", 3)
    assert "refused" in refused.last_check_error.lower()
    assert fine.original_status == "online"
    assert "Checked 4 originals: 1 online, 0 moved, 0 gone, 3 failed." in output
    assert f"Failed: {magazine.base}/broken (HTTP 503)" in output


def test_an_original_that_never_answers_counts_as_gone_after_two_months(magazine, settings):
    """The magazine's domain lapsed: no 404 ever comes. After eight weekly failures the blog copy is canonical."""
    settings.COLUMNS_GONE_AFTER_FAILED_CHECKS = 8
    lost = RepublicationFactory(original_url=f"http://127.0.0.1:{closed_port()}/x", failed_checks=6)
    check()
    lost.refresh_from_db()
    assert (lost.original_status, lost.failed_checks) == ("unknown", 7)
    assert lost.canonical_url() == lost.original_url
    check()
    lost.refresh_from_db()
    assert (lost.original_status, lost.failed_checks) == ("gone", 8)
    assert lost.canonical_url().endswith(lost.post.get_absolute_url())


def test_an_answer_resets_the_failure_count_and_the_old_address(magazine):
    """A moved original that answers 200 again is online, with no new address and no failures left."""
    piece = RepublicationFactory(
        original_url=magazine.base + "/online",
        original_status=OriginalStatus.MOVED,
        moved_to_url="https://mag.example/elsewhere",
        failed_checks=4,
        last_check_error="HTTP 503",
    )
    check()
    piece.refresh_from_db()
    assert (piece.original_status, piece.moved_to_url, piece.failed_checks, piece.last_check_error) == (
        "online",
        "",
        0,
        "",
    )


def test_visits_say_who_they_are_and_only_a_few_at_a_time(magazine):
    """Every request carries Carnet's User-Agent, and no more originals are visited at once than asked."""
    for n in range(6):
        RepublicationFactory(original_url=f"{magazine.base}/slow/0.2?n={n}")
    check(concurrency=2)
    assert len(magazine.user_agents) == 6
    assert all(agent.startswith("Carnet-original-checker/") for agent in magazine.user_agents)
    assert magazine.most_in_flight == 2


def test_progress_shows_on_a_terminal_only(magazine):
    """On a terminal the command shows its progress; in a pipe or a log only the summary."""

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    RepublicationFactory(original_url=magazine.base + "/online")
    terminal = Terminal()
    call_command("check_originals", stdout=terminal)
    assert f"[1/1] {magazine.base}/online" in terminal.getvalue()
    assert "[1/1]" not in check()
