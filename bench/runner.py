"""Serve the generated corpus with gunicorn, load each page with wrk, and compare it with a bare view."""

import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse
from taggit.models import Tag

from blog.models import Post

from . import corpus

WRK_SCRIPT = Path(__file__).with_name("wrk.lua")
BARE = "bare view"
BARE_AGAIN = "bare view, again"
HEADERS = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_ACCEPT_LANGUAGE": "fr-CH,fr;q=0.9,en;q=0.8"}


def pages():
    """(label, path) of every page the benchmark loads, the bare view first."""
    small = Post.objects.get(slug=corpus.SMALL_POST)
    big = Post.objects.get(slug=corpus.BIG_POST)
    tag = Tag.objects.get(name=corpus.POPULAR_TAG)
    # Page 400 of the archive, or its last page in a smaller corpus: the deepest page, read with no OFFSET scan.
    archive_page = min(400, Paginator(Post.objects.published(), settings.BLOG_PAGE_SIZE).num_pages)
    return [
        (BARE, reverse("bench-ok")),
        ("home", reverse("blog:post-list")),
        ("post, 10 comments", small.get_absolute_url()),
        ("post, 200+ comments", big.get_absolute_url()),
        ("popular tag", reverse("blog:tag-detail", args=[tag.slug])),
        ("language page", reverse("blog:language-detail", args=["fr"])),
        (f"archive, page {archive_page}", reverse("blog:post-list") + f"?page={archive_page}"),
        ("feed", reverse("blog:feed")),
        ("search", reverse("search:search") + "?q=" + quote("écriture internet")),
        ("search, a tag", reverse("search:search") + "?q=" + quote("écriture internet") + "&tag=" + quote(tag.slug)),
    ]


def count_queries(path, cache_seconds, repeat=5):
    """SQL queries of the second request for `path` in this process, and the CPU time a request takes here, in ms
    (the median of `repeat`): steadier than wrk's rates on a machine others share. The first fills the cache, when
    it is on, and a process's first request using JSON asks SQLite once whether it can (a worker does so once)."""
    client = Client(HTTP_HOST="127.0.0.1", **HEADERS)
    with override_settings(PAGE_CACHE_SECONDS=cache_seconds):
        client.get(path)
        # Counted as they run: the end of a request may close and reopen the connection (CONN_MAX_AGE,
        # health checks on PostgreSQL), which empties the log CaptureQueriesContext reads.
        queries = []
        with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
            response = client.get(path)
        times = []
        for _ in range(repeat):
            started = time.process_time()
            client.get(path)
            times.append((time.process_time() - started) * 1000)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    return len(queries), sorted(times)[repeat // 2]


class Gunicorn:
    """Two sync workers on 127.0.0.1, with the environment given; stopped on exit."""

    def __init__(self, port, env):
        self.port = port
        self.env = env

    def __enter__(self):
        command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--workers", "2", "--bind"]
        command += [f"127.0.0.1:{self.port}", "--log-level", "warning"]
        self.process = subprocess.Popen(command, env=self.env, cwd=settings.BASE_DIR)  # noqa: S603 - fixed command
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                self.get(reverse("bench-ok"))
                return self
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        self.process.terminate()
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path):
        # Our own loopback server, over http.
        request = urllib.request.Request(self.url(path), headers={"X-Forwarded-Proto": "https"})  # noqa: S310
        with urllib.request.urlopen(request, timeout=300) as response:  # noqa: S310
            return response.read()

    def warm(self, path):
        """Both workers warm (imports, templates, their own page cache): requests in parallel, so that each
        worker takes some; one after another, the same idle worker may take them all."""

        def get(_):
            with contextlib.suppress(OSError):  # a page too slow for gunicorn's timeout shows in wrk's errors
                self.get(path)

        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(get, range(8)))

    def worker_rss_mb(self):
        """The resident memory of each worker, in MB, read from /proc."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        sizes = []
        for pid in children:
            with contextlib.suppress(FileNotFoundError):
                status = Path(f"/proc/{pid}/status").read_text()
                kb = next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:"))
                sizes.append(int(kb) / 1024)
        return sizes


def wrk(url, duration, connections):
    command = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{duration}s", "--timeout", "30s"]
    command += ["-s", str(WRK_SCRIPT), url]
    output = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603 - fixed command
    line = next(line for line in output.stdout.splitlines() if line.startswith("BENCH "))
    result = json.loads(line[len("BENCH ") :])
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def run(write, port, duration, connections, modes):
    """Load every page with the page cache off then on; returns the rows of the table.

    The bare view is loaded before and after each page, and each page compared with the mean of those two: on a
    shared machine, its speed drifts within the minutes a run takes (from 2,073 to 2,919 req/s in one run, from 3,056
    to 2,424 in another), and a page loaded in a slow minute was compared with the run's faster ones.
    """
    if not shutil.which("wrk"):
        raise RuntimeError("wrk is missing: apt-get install wrk")
    rows = []
    for mode in modes:
        cache_seconds = 0 if mode == "off" else settings.PAGE_CACHE_SECONDS or 600
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE,
            "PAGE_CACHE_SECONDS": str(cache_seconds),
        }
        write(f"cache {mode}: gunicorn, 2 workers, 127.0.0.1:{port}")
        measured = []
        with Gunicorn(port, env) as server:
            bare, *loaded = pages()
            for label, path in [bare, *(step for page in loaded for step in (page, (BARE_AGAIN, bare[1])))]:
                queries, cpu_ms = count_queries(path, cache_seconds)
                server.warm(path)
                result = wrk(server.url(path), duration, connections)
                row = {"page": label, "path": path, "cache": mode, "queries": queries, **result}
                row["cpu_ms"], row["rss_mb"] = cpu_ms, max(server.worker_rss_mb())
                measured.append(row)
                write(format_row(row))
        # A page, with the bare view loaded just before and after it; the bare view, with every load of it.
        for at, row in enumerate(measured):
            around = measured[0::2] if at % 2 == 0 else (measured[at - 1], measured[at + 1])
            bare_rps, bare_cpu = statistics.mean(r["rps"] for r in around), statistics.mean(r["cpu_ms"] for r in around)
            row["ratio"], row["cpu_ratio"] = row["rps"] / bare_rps, bare_cpu / row["cpu_ms"]
        rows += measured
    return rows


HEADER = (
    "| page | cache | req/s | p50 ms | p95 ms | p99 ms | p99/p50 | SQL/req | × bare | errors | worker RSS MB "
    "| CPU ms in-process | CPU × bare |"
)
RULE = "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"


def format_row(row):
    errors = row["non2xx"] + row["socket_errors"]
    ms = [row[key] / 1000 for key in ("p50", "p95", "p99")]
    spread = f"{ms[2] / ms[0]:.1f}" if ms[0] else "–"
    return (
        f"| {row['page']} | {row['cache']} | {row['rps']:.1f} | {ms[0]:.1f} | {ms[1]:.1f} | {ms[2]:.1f} | {spread} | "
        f"{row['queries']} | {_percent(row.get('ratio'))} | {errors} | {row['rss_mb']:.0f} | {row['cpu_ms']:.1f} | "
        f"{_percent(row.get('cpu_ratio'))} |"
    )


def _percent(ratio):
    """A ratio to the bare view, known once the bare view is loaded again after the page."""
    return "–" if ratio is None else f"{ratio:.1%}"


def table(rows):
    return "\n".join([HEADER, RULE, *(format_row(row) for row in rows)])
