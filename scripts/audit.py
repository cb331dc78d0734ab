"""Lighthouse (mobile preset) on the reader's pages, served as in production: `make audit`.

Builds a throwaway database with the demo content and a post with 20 comments, serves it with
gunicorn (DEBUG off, static files through WhiteNoise), runs Lighthouse from node_modules with
Debian's Chromium on the home page, that post and a tag page, and prints the four scores and
the bytes each page transferred. Not part of CI: it takes minutes and scores vary with load.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def prepare(env):
    def manage(*args):
        subprocess.run(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", *args], cwd=BASE, env=env, check=True, stdout=subprocess.DEVNULL
        )

    manage("migrate", "--noinput")
    manage("seed_demo")
    manage("collectstatic", "--noinput")
    code = (
        "from blog.models import Post\n"
        "from comments.models import Comment\n"
        "post = Post.objects.get(slug='why-i-still-keep-a-blog')\n"
        "for n in range(20 - post.comments.approved().count()):\n"
        "    Comment.objects.create(post=post, author_name=f'Lectrice {n}', author_email=f'l{n}@example.org',\n"
        "        body='Merci pour ce billet : je me reconnais dans chaque ligne. ' * (1 + n % 3),\n"
        "        status='approved', language='fr')\n"
        "print(post.get_absolute_url())\n"
    )
    out = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "shell", "-c", code], cwd=BASE, env=env, check=True, capture_output=True
    )
    return out.stdout.decode().strip().splitlines()[-1]


def serve(env, port):
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn
        [str(Path(sys.executable).parent / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=BASE,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(50):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)  # noqa: S310 - our own server
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("The server did not start.")


def lighthouse(url, output):
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    command = [
        str(BASE / "node_modules" / ".bin" / "lighthouse"),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    # Lighthouse sometimes fails to record the first load of a Chromium just started (NO_NAVSTART): once more.
    if subprocess.run(command, env=env, check=False).returncode:  # noqa: S603 - lighthouse from node_modules
        subprocess.run(command, env=env, check=True)  # noqa: S603
    report = json.loads(Path(output).read_text())
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    weight = report["audits"]["total-byte-weight"]["numericValue"]
    failing = [
        audit["id"]
        for audit in report["audits"].values()
        if audit.get("score") is not None and audit["score"] < 0.9 and audit.get("scoreDisplayMode") == "binary"
    ]
    return scores, weight, failing


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--reports", default=str(BASE / "screenshots" / "lighthouse"), help="JSON reports go here")
    args = parser.parse_args()
    Path(args.reports).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as workdir:
        site = f"http://127.0.0.1:{args.port}"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DEBUG": "0",
            "SITE_URL": site,
            "DATABASE_URL": f"sqlite:///{workdir}/audit.sqlite3",
        }
        post_path = prepare(env)
        server = serve(env, args.port)
        try:
            pages = {"home": "/", "post with 20 comments": post_path, "tag page": "/tag/internet/"}
            print("| page | performance | accessibility | best practices | SEO | transferred |")
            print("| --- | --- | --- | --- | --- | --- |")
            for name, path in pages.items():
                output = Path(args.reports) / f"{name.replace(' ', '-')}.json"
                scores, weight, failing = lighthouse(site + path, output)
                row = " | ".join(str(scores[c]) for c in CATEGORIES)
                print(f"| {name} (`{path}`) | {row} | {weight / 1024:.1f} KB |")
                if failing:
                    print(f"  failing audits: {', '.join(failing)}", file=sys.stderr)
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
