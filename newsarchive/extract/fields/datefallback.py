"""Last resorts for a publication day (the URL's date, then htmldate's search) and the sanity every date passes."""

from __future__ import annotations

import logging
import re
from datetime import UTC, date, datetime, timedelta

from lxml import etree

from newsarchive.extract.fields.dates import FETCHED_AT, zone

# Sources a page declares itself (or a site profile names): only these may carry a date before _EARLIEST.
_DECLARED = frozenset("jsonld microdata meta site".split())
# News on the web starts in the mid-1990s; an older date read from a page's text is a quoted date,
# a two-digit year read in the wrong century, or a birth date, unless the page declares it.
_EARLIEST = datetime(1995, 1, 1, tzinfo=UTC)
# A clock or zone slip may put a fresh article a few hours ahead; more than a day ahead is not a publication.
_AHEAD = timedelta(days=1)

# A full date as a URL path writes it: /2019/03/28/, /2019-03-28-, /20190328/ or _20190328.html. A slashed
# date ends its segment (in /2023/10/3-fragen-an/ the 3 starts the title); a dashed one has two-digit parts.
# A longer run of digits is an id or an archive's capture stamp (web.archive.org/web/20160218174457/).
_URL_DATE = re.compile(
    r"(?<![\d])((?:19|20)\d{2})(?:/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?=/|\.|$)"
    r"|([-_])(0[1-9]|1[0-2])\4(0[1-9]|[12]\d|3[01])(?![\d])"
    r"|(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\d]))"
)
# An archive's capture stamp, /web/20160218174457/, says when the copy was taken, never when it was written.
_ARCHIVE_STAMP = re.compile(r"/web/\d{4,14}[a-z_]*/", re.I)


def plausible(moment: datetime, source: str | None, now: datetime | None = None) -> bool:
    """Whether `moment` can be an article's publication time: not over a day ahead of `now`, and not
    before 1995 unless the page or its site profile declares it (a digitised archive does). `now` defaults to
    when the page was fetched (dates.FETCHED_AT), else the current time."""
    now = now or FETCHED_AT.get() or datetime.now(UTC)
    if moment > now + _AHEAD:
        return False
    return source in _DECLARED or moment >= _EARLIEST


def url_date(url: str | None, tz: str | None) -> datetime | None:
    """The full date a URL's path carries, at midnight in `tz`; None when it carries none or only a month."""
    if not url:
        return None
    path = _ARCHIVE_STAMP.sub("/", url.split("?", 1)[0].split("#", 1)[0])
    path = path.split("://", 1)[-1].partition("/")[2]  # the host name's digits are not a date
    for match in _URL_DATE.finditer(path):
        year, month, day = match[1], match[2] or match[5] or match[7], match[3] or match[6] or match[8]
        try:
            found = date(int(year), int(month), int(day))
        except ValueError:
            continue
        return datetime(found.year, found.month, found.day, tzinfo=zone(tz))
    return None


def _quiet_htmldate() -> None:
    # htmldate logs every date it rejects at ERROR/DEBUG; an archive run over thousands of pages would drown in it.
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def searched_date(root, url: str | None, tz: str | None) -> datetime | None:
    """htmldate's extensive search of the page for its original publication day, at midnight in `tz`."""
    try:
        from htmldate import find_date as htmldate_find
    except ImportError:  # an install without htmldate still extracts, only without this last resort
        return None
    _quiet_htmldate()
    markup = etree.tostring(root, encoding="unicode", method="html")
    # No later than the day the page was fetched, as on that day (htmldate's default is today).
    fetched = FETCHED_AT.get()
    try:
        if fetched:
            latest = (fetched + _AHEAD).date().isoformat()
            found = htmldate_find(markup, url=url, extensive_search=True, original_date=True, max_date=latest)
        else:
            found = htmldate_find(markup, url=url, extensive_search=True, original_date=True)
    except Exception:  # any failure of the library on one page means no date from it, never a lost article
        return None
    if not found:
        return None
    try:
        day = date.fromisoformat(found)
    except ValueError:
        return None
    return datetime(day.year, day.month, day.day, tzinfo=zone(tz))
