"""What the values of an export's items mean in Carnet: dates, slugs, and checks on addresses."""

import datetime
import ipaddress
import re
from email.utils import parsedate_to_datetime
from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from blog import markup
from blog.models import PostStatus

POST_STATUS = {"publish": PostStatus.PUBLISHED, "future": PostStatus.PUBLISHED}  # any other: a draft
TAG_DOMAINS = {"post_tag", "category"}
ZERO_DATE = re.compile(r"^0000-00-00")
is_url = URLValidator(schemes=["http", "https"])


def post_date(item):
    """When the post was (or will be) published: GMT date, else local date, else the RSS date.

    A draft whose GMT date is empty has none yet: WordPress dates it when it is published, and so
    does Carnet (its local date is only when it was last changed).
    """
    if item.status not in ("publish", "future") and parse_date(item.date_gmt) is None:
        return None
    found = parse_date(item.date_gmt) or parse_date(item.date, local=True)
    # A draft's pubDate is "Mon, 30 Nov -0001 00:00:00 +0000", which email.utils reads as a day of 2000.
    if found is None and item.pub_date and " -0001 " not in item.pub_date:
        try:
            found = parsedate_to_datetime(item.pub_date)
        except (TypeError, ValueError):
            found = None
        if found and found.year <= 1970:
            found = None
    return found


def modified_date(item, published_at):
    """When the post was last changed in WordPress, never before its publication."""
    modified = parse_date(item.modified_gmt) or parse_date(item.modified, local=True)
    if modified and published_at:
        return max(modified, published_at)
    return modified or published_at


def parse_date(value, local=False):
    if not value or ZERO_DATE.match(value):
        return None
    try:
        moment = datetime.datetime.strptime(value.strip()[:19], "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return timezone.make_aware(moment, timezone.get_default_timezone() if local else datetime.UTC)


def base_slug(item):
    slug = slugify(unquote(item.slug), allow_unicode=True) if item.slug else ""
    return (slug or slugify(markup.plain_text(item.title), allow_unicode=True) or f"post-{item.id}")[:190]


def slug_title(item):
    return base_slug(item).replace("-", " ").capitalize()


def free_slug(model, name):
    base = slugify(name)[:190] or model._meta.model_name
    slug, number = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def valid_email(value):
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def valid_url(value):
    try:
        is_url(value)
    except ValidationError:
        return False
    return True


def valid_ip(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def listed_twice(item):
    """The report's reason for leaving out an item whose WordPress id came earlier in the export."""
    return _("WordPress id %(id)s appears twice in the export: the second, “%(title)s” (%(status)s), is left out") % {
        "id": item.id,
        "title": markup.plain_text(item.title) or item.slug,
        "status": item.status,
    }
