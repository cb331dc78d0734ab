"""Settings shared by every environment. Each value is read from the environment once."""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    return env(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = env("SITE_NAME", "Carnet")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "parler",
    "taggit",
    "axes",
    "django_tasks",
    "operations.tasks_config.BackgroundTasksConfig",  # django_tasks_db, its name translated
    "accounts",
    "blog",
    "columns",
    "comments",
    "media",
    "pages",
    "wordpress",
    "search",
    "pagecache",
    "operations",
    "portability",
    "csp",
]

MIDDLEWARE = [
    "operations.request_log.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "operations.middleware.MalformedRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    "operations.middleware.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "pagecache.middleware.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "wordpress.middleware.RedirectMiddleware",
    "blog.middleware.OldSlugRedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "blog.context_processors.site",
            ],
        },
    },
]

SQLITE_PATH = BASE_DIR / "db.sqlite3"
SQLITE_OPTIONS = {
    # IMMEDIATE takes the write lock at BEGIN, so concurrent writers wait
    # (busy timeout) instead of failing with "database is locked".
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
}


# Each worker keeps its connection a minute: opening one (and SQLite's PRAGMAs) for every request
# cost more than serving a cached page.
CONN_MAX_AGE = 60


def database(url):
    """The default database from `DATABASE_URL`, or the SQLite file; SQLite gets the same options either way."""
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "OPTIONS": dict(SQLITE_OPTIONS),
            "CONN_MAX_AGE": CONN_MAX_AGE,
        }
    config = dj_database_url.parse(url, conn_max_age=CONN_MAX_AGE)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    elif config["ENGINE"] == "django.db.backends.postgresql":
        prepared = POSTGRESQL_PREPARED if env_bool("DATABASE_PREPARED_STATEMENTS", True) else {}
        config["OPTIONS"] = {**POSTGRESQL_SESSION, **prepared, **config.get("OPTIONS", {})}
    return config


# No query of the site reads enough rows to gain from PostgreSQL's parallel workers: each started for one query
# a process of its own, and took a core from another reader's request (a search narrowed to a tag, on the
# bench corpus of a 2-core machine: 37 → 23 ms of CPU per request, 51 → 82 requests/s).
POSTGRESQL_SESSION = {"options": "-c max_parallel_workers_per_gather=0"}


# Each query a worker runs a fifth time is kept prepared on its connection, and PostgreSQL no longer plans it
# again: planning was up to half of a page's query time (the SQL of reader pages never changes, blog.compiled).
# Off (DATABASE_PREPARED_STATEMENTS=off) behind a pooler that cannot keep them (PgBouncer before 1.21).
POSTGRESQL_PREPARED = {"server_side_binding": True, "prepare_threshold": 5}


DATABASES = {"default": database(env("DATABASE_URL"))}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/admin/"

LANGUAGE_CODE = "en"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The interface language a reader chooses is kept a year, not until the browser closes (Django's default).
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = env("TIME_ZONE", "Europe/Zurich")
USE_I18N = True
USE_TZ = True

PARLER_DEFAULT_LANGUAGE_CODE = "fr"
PARLER_LANGUAGES = {
    None: ({"code": "fr"}, {"code": "en"}),
    "default": {"fallbacks": [], "hide_untranslated": False},
}
TAGGIT_CASE_INSENSITIVE = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env("MEDIA_URL", "/media/")
MEDIA_ROOT = env("MEDIA_ROOT", str(BASE_DIR / "uploads"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads in an S3-compatible bucket (AWS, Scaleway, MinIO, Garage...), shared by several app servers.
if env("MEDIA_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("MEDIA_S3_BUCKET"),
            "endpoint_url": env("MEDIA_S3_ENDPOINT_URL"),  # unset for AWS itself
            "region_name": env("MEDIA_S3_REGION"),
            "access_key": env("MEDIA_S3_ACCESS_KEY_ID"),
            "secret_key": env("MEDIA_S3_SECRET_ACCESS_KEY"),
            "custom_domain": env("MEDIA_S3_CUSTOM_DOMAIN"),  # e.g. a CDN in front of the bucket
            # Posts store the addresses of their pictures: they must not be signed URLs that expire.
            "querystring_auth": False,
            "default_acl": env("MEDIA_S3_ACL"),  # "public-read" where the bucket has no public policy
            "file_overwrite": False,
        },
    }
# Django serves MEDIA_ROOT itself unless the web server (or the bucket) does: see the README's Deploying.
MEDIA_SERVE = env_bool("MEDIA_SERVE", not env("MEDIA_S3_BUCKET"))

CACHES = {
    "default": {
        "BACKEND": env("CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "LOCATION": env("CACHE_LOCATION", "carnet"),
    }
}

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(BASE_DIR / "sent-emails"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Carnet <carnet@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# Five wrong passwords for one account from one address lock that pair out for an hour: the
# same account from elsewhere, and other accounts from the same office, still log in.
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(hours=1)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "operations.client.client_ip"
AXES_LOCKOUT_CALLABLE = "operations.lockout.locked_out"
# Forgotten passwords asked for in an hour, from one address and for one e-mail address (accounts.password_reset),
# counted in the cache (CACHE_BACKEND: each worker's own memory by default, shared through Redis).
PASSWORD_RESET_LIMIT = int(env("PASSWORD_RESET_LIMIT", "5"))

# Whole pages kept for anonymous readers, this many seconds at most (0: off); see pagecache/.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "600"))

BLOG_PAGE_SIZE = 10
BLOG_SIMILAR_POSTS = 5

# Everything to stderr (systemd's journal keeps it), each line with its request's id and address.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "operations.request_log.RequestContextFilter"}},
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s [%(request_id)s %(client_ip)s] %(name)s: %(message)s"},
    },
    "handlers": {"stderr": {"class": "logging.StreamHandler", "filters": ["request"], "formatter": "line"}},
    "root": {"handlers": ["stderr"], "level": env("LOG_LEVEL", "WARNING")},
}

FORMAT_MODULE_PATH = ["config.formats"]


# --- operations ---
# Scripts and styles only from Carnet's own files: no inline script, no inline event handler,
# no style attribute. Pictures and sound from anywhere: twenty years of posts show photos kept on
# Flickr and the like, or still on the old blog's server over plain HTTP (an import run without
# fetching them), and a picture runs no script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "https:", "http:"],
        "media-src": ["'self'", "https:", "http:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
UNUSED_BROWSER_FEATURES = ["accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone", "usb"]
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in [*UNUSED_BROWSER_FEATURES, "payment"])


def meta_key(header):
    """`X-Forwarded-For` or `HTTP_X_FORWARDED_FOR` → the request.META key."""
    key = header.strip().upper().replace("-", "_")
    return key if key == "REMOTE_ADDR" or key.startswith("HTTP_") else f"HTTP_{key}"


# Where the reader's address is, for comments, the login lockout and the logs: REMOTE_ADDR, or
# behind a proxy its header (X-Forwarded-For: the right-most address is the one the proxy saw).
# COMMENTS_CLIENT_IP_HEADER is its former name.
CLIENT_IP_HEADER = meta_key(env("CLIENT_IP_HEADER", env("COMMENTS_CLIENT_IP_HEADER", "REMOTE_ADDR")))
# Seconds a task may wait for a worker before /healthz says "degraded".
HEALTHZ_MAX_QUEUE_AGE = int(env("HEALTHZ_MAX_QUEUE_AGE", "900"))

# --- comments ---
COMMENTS_CLOSE_AFTER_DAYS = int(env("COMMENTS_CLOSE_AFTER_DAYS", "0"))  # 0: comments never close by age
COMMENTS_MAX_DEPTH = int(env("COMMENTS_MAX_DEPTH", "3"))
COMMENTS_MAX_LINKS = int(env("COMMENTS_MAX_LINKS", "2"))  # more links than this: held for moderation
COMMENTS_BLOCKLIST = env_list("COMMENTS_BLOCKLIST")  # words that mark a comment as spam
COMMENTS_MIN_SECONDS = int(env("COMMENTS_MIN_SECONDS", "3"))  # faster than this from page to post: a robot
COMMENTS_MAX_FORM_AGE = int(env("COMMENTS_MAX_FORM_AGE", str(2 * 24 * 3600)))
COMMENTS_RATE_LIMIT = int(env("COMMENTS_RATE_LIMIT", "5"))  # comments per address per window
COMMENTS_RATE_WINDOW = int(env("COMMENTS_RATE_WINDOW", "600"))  # seconds
COMMENTS_FEED_SIZE = 30
# A task running longer than this has lost its worker (sending one e-mail takes seconds): the sweeper runs it again.
COMMENTS_TASK_STALE_AFTER = int(env("COMMENTS_TASK_STALE_AFTER", "600"))
# A notification queued this long ago with no task for it was left by a crash: the sweeper queues it again.
COMMENTS_OUTBOX_GRACE = int(env("COMMENTS_OUTBOX_GRACE", "60"))
COMMENTS_MAIL_RETRIES = 3  # failed e-mails are retried this many times when the task backend can defer
AKISMET_API_KEY = env("AKISMET_API_KEY", "")
AKISMET_URL = env("AKISMET_URL", "https://rest.akismet.com/1.1/comment-check")

# --- wordpress ---
# The language of imported posts that carry no sign of theirs (plugin meta, Polylang, [fr]/[en]).
WORDPRESS_DEFAULT_LANGUAGE = env("WORDPRESS_DEFAULT_LANGUAGE", "fr")

# --- columns ---
COLUMNS_PAGE_SIZE = 20
COLUMNS_INDEX_PIECES = 5  # the newest pieces of each column on /columns/; all of them on the column's page
COLUMNS_CHECK_TIMEOUT = 10  # seconds per original
COLUMNS_CHECK_CONCURRENCY = 4  # originals visited at the same time
# An original that has not answered this many checks in a row (weekly: two months) counts as gone: a magazine
# whose domain has lapsed answers nothing at all, never a 404.
COLUMNS_GONE_AFTER_FAILED_CHECKS = int(env("COLUMNS_GONE_AFTER_FAILED_CHECKS", "8"))
COLUMNS_CHECK_USER_AGENT = f"Carnet-original-checker/1.0 (+{SITE_URL}; checks that republished columns still exist)"

# --- media ---
MEDIA_MAX_UPLOAD_SIZE = int(env("MEDIA_MAX_UPLOAD_SIZE", str(20 * 1024 * 1024)))  # bytes
MEDIA_RENDITION_WIDTHS = [480, 960, 1600]
# The width a picture takes on a post page, for the browser to pick a rendition (follows the theme's measure).
MEDIA_IMAGE_SIZES = "(min-width: 62rem) 60rem, calc(100vw - 2rem)"

# --- discovery ---
SEARCH_PAGE_SIZE = 10
SEARCH_MAX_QUERY_LENGTH = 200
# A search ranks at most this many of its newest matches (search.queries; why 300: docs/design-notes.md).
SEARCH_RANKED_MATCHES = 300
# The search page's tag filter lists this many of the most used tags; a tag link (?tag=) can name any other.
SEARCH_TAG_CHOICES = 50

# --- error reports ---
SENTRY_DSN = env("SENTRY_DSN", "")
if SENTRY_DSN:
    from operations.sentry import init as init_sentry

    init_sentry(SENTRY_DSN, environment=env("SENTRY_ENVIRONMENT", "production"))
