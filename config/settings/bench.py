"""`make bench`: the production settings, a scratch database, and the bare view of bench.urls."""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")

from .base import BASE_DIR, env  # noqa: E402
from .prod import *  # noqa: E402, F403
from .prod import DATABASES, INSTALLED_APPS  # noqa: E402

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
ROOT_URLCONF = "bench.urls"
if not env("DATABASE_URL"):
    DATABASES["default"]["NAME"] = BASE_DIR / ".bench" / "bench.sqlite3"
