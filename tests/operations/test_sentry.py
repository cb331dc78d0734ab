import gzip
import http.server
import os
import subprocess
import sys
import threading

from django.conf import settings

REPORT_AN_ERROR = """
import logging, django
django.setup()
import sentry_sdk
from operations.request_log import REQUEST_ID
REQUEST_ID.set("req-0123456789")
logging.getLogger("carnet").error("Le disque est plein")
sentry_sdk.flush(5)
"""
NO_DSN = "import sys, django; django.setup(); print('sentry_sdk' in sys.modules)"


class Ingest(http.server.BaseHTTPRequestHandler):
    received = []

    def do_POST(self):  # noqa: N802 (http.server's name)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        Ingest.received.append((self.path, body.decode("utf-8", "replace")))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def run(code, **env):
    return subprocess.run(  # noqa: S603 (the test's own code)
        [sys.executable, "-c", code],
        env={"PATH": os.environ.get("PATH", ""), "DJANGO_SETTINGS_MODULE": "config.settings.test", **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def test_errors_reach_sentry_with_the_request_id_when_a_dsn_is_set():
    """With SENTRY_DSN, an error logged by Carnet arrives at the Sentry server, tagged with its request id."""
    server = http.server.HTTPServer(("127.0.0.1", 0), Ingest)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = run(REPORT_AN_ERROR, SENTRY_DSN=f"http://publickey@127.0.0.1:{server.server_port}/1")
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr
    [(path, envelope)] = Ingest.received
    assert path == "/api/1/envelope/"
    assert "Le disque est plein" in envelope
    assert '"request_id":"req-0123456789"' in envelope.replace(" ", "")


def test_without_a_dsn_sentry_is_not_even_imported():
    """No SENTRY_DSN, no sentry-sdk in the process."""
    result = run(NO_DSN)
    assert result.stdout.strip() == "False", result.stderr
