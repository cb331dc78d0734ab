import datetime
import random
import zoneinfo

import pytest
from django.utils import dateformat, translation
from django.utils.formats import get_format

from blog.templatetags.blog_tags import first_of_month
from comments.dates import DateTexts

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
FORMATS = [
    "DATETIME_FORMAT",  # what the comment section shows, in each language
    "DATE_FORMAT",
    "P",
    "G:i",  # no date part: "1:05" would become "1er:05" in French, as the date filter's text does
    "jH",  # a one-character date part followed by digits
    "D j F Y \\H H:i:s T",
    "l jS N, y, g:i a e O",
    "c",
    "O T I, j F Y",  # the zone before the date: it changes within a day when the clocks change
    "",
]


def values():
    """Local datetimes over several years: the first of months, midnight, DST changes, repeated days."""
    rng = random.Random(13)
    start = datetime.datetime(2019, 1, 1, tzinfo=datetime.UTC)
    found = [
        datetime.datetime(2026, 3, 29, 0, 59, tzinfo=datetime.UTC),
        datetime.datetime(2026, 3, 29, 1, 0, tzinfo=datetime.UTC),
        datetime.datetime(2026, 10, 25, 1, 0, tzinfo=datetime.UTC),
    ]
    found += [start + datetime.timedelta(days=rng.randrange(3000), seconds=rng.randrange(86400)) for _ in range(400)]
    found += [
        datetime.datetime(2025, month, 1, hour, 5, tzinfo=datetime.UTC) for month in range(1, 13) for hour in (0, 1, 23)
    ]
    return [value.astimezone(PARIS) for value in found]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("format_name", FORMATS)
def test_the_same_text_as_the_date_filter(language, format_name):
    """Each date reads exactly as `dateformat.format` with French "1er" writes it, in both languages."""
    with translation.override(language):
        date_format = get_format(format_name) if format_name.endswith("_FORMAT") else format_name
        date_text = DateTexts(date_format)
        for value in values():
            assert date_text(value) == first_of_month(dateformat.format(value, date_format)), (date_format, value)


def test_first_of_the_month_in_french():
    """French writes the first of the month "1er", English does not."""
    value = datetime.datetime(2026, 12, 1, 9, 5, tzinfo=PARIS)
    with translation.override("fr"):
        assert DateTexts(get_format("DATETIME_FORMAT"))(value) == "1er décembre 2026, 09:05"
    with translation.override("en"):
        assert DateTexts(get_format("DATETIME_FORMAT"))(value) == "December 1, 2026, 09:05"
