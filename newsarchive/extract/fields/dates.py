"""Parse publication timestamps as pages write them (ISO, RFC 2822, Japanese, English, German) into aware datetimes."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import TypeGuard
from zoneinfo import ZoneInfo

from newsarchive.extract.fields.datewords import MONTH_NAMES, MONTHS, TZ_ABBREVIATIONS

_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
_WEEKDAY = r"(?:\s*[(（][^)）\d]{1,4}[)）])?"

# A time of day after a date: "07:25", "7:25:03.5", "07時25分", "午後3時", "07.25 Uhr", "7:25 PM"; then an offset.
_TIME = re.compile(
    r"""[\sT,]*(?:um\s+|at\s+|à\s+|alle\s+|a\s+las\s+|kl\.?\s+|-\s+|[|｜]\s*)?
    (?P<ampm_ja>午前|午後)?\s*(?P<hour>\d{1,2})
    (?:(?:[:：](?P<minute>\d{2})(?:[:：](?P<second>\d{2})(?:[.,]\d+)?)?)
      |(?:時(?:(?P<minute_ja>\d{1,2})分(?:(?P<second_ja>\d{1,2})秒)?)?)
      |(?:[.h](?P<minute_dot>\d{2})(?=\s*(?:Uhr|h\b|$))))
    (?:\s*(?P<ampm>[ap]\.?\s?m\.?)(?![a-z]))?
    \s*(?:Uhr\b)?""",
    re.I | re.X,
)
_OFFSET = re.compile(
    r"""\s*(?:(?P<z>Z)(?![A-Za-z])
    |(?P<sign>[+-−])(?P<oh>\d{2}):?(?P<om>\d{2})?(?!\d)
    |\(?(?P<abbr>UTC|GMT|[A-Z]{2,5})(?:\s*(?P<asign>[+-−])\s*(?P<aoh>\d{1,2})(?::?(?P<aom>\d{2}))?)?\)?(?![A-Za-z]))""",
    re.X,
)

_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_ERA = re.compile(r"(令和|平成|昭和)\s*(元|\d{1,2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日" + _WEEKDAY)
_JA = re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日" + _WEEKDAY)
_YMD = re.compile(r"(?<!\d)(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?![\d/])\.?" + _WEEKDAY)
_DMY_DOT = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)")
# "25.04.24" (German datelines): only with nothing numeric after, so "1.2.34.5" stays unread.
_DMY_SHORT = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])")
_SLASH_FULL = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
_RFC = re.compile(r"(?<!\d)(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})(?!\d)")
_NAME_MDY = re.compile(rf"(?<![^\W\d_])({MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.I)
_NAME_DMY = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|er)?\.?\s*(?:de\s+)?({MONTH_NAMES})\.?,?\s*(?:de\s+)?(\d{{4}})(?!\d)", re.I
)
_MD_JA = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日" + _WEEKDAY)
_MD_SLASH = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])" + _WEEKDAY + r"(?=\s*\d{1,2}:\d{2})")
_RELATIVE = re.compile(
    r"(?:(?:vor|il y a|hace)\s+)?(\d{1,3})\s*(秒|分|時間|日|週間|か月|ヶ月|ヵ月|"
    r"seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|"
    r"Sekunden?|Minuten?|Stunden?|Tagen?|Wochen?)\s*(前|ago)?",
    re.I,
)


# When the page being read was fetched (extract_article's `fetched_at`): "3 hours ago" and dates without a year
# count from it, so a page read again from its capture years later gives the dates it gave on the day.
FETCHED_AT: ContextVar[datetime | None] = ContextVar("fetched_at", default=None)


@lru_cache(maxsize=64)
def zone(name: str | None) -> tzinfo:
    """The tzinfo for an IANA name; UTC for None or an unknown name."""
    if not name:
        return UTC
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError, OSError):  # zoneinfo raises these for malformed or unknown keys
        return UTC


def known_zone(name: str | None) -> TypeGuard[str]:
    """Whether `name` is an IANA timezone this machine knows."""
    if not name:
        return False
    try:
        ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        return False
    return True


def _offset(text: str, pos: int) -> tuple[tzinfo | None, int]:
    match = _OFFSET.match(text, pos)
    if not match:
        return None, pos
    if match["z"]:
        return UTC, match.end()
    if match["sign"]:
        sign = -1 if match["sign"] in "-−" else 1
        hours, minutes = int(match["oh"]), int(match["om"] or 0)
        if hours > 14 or minutes > 59:
            return None, pos
        return timezone(sign * timedelta(hours=hours, minutes=minutes)), match.end()
    base = TZ_ABBREVIATIONS.get(match["abbr"])
    if base is None:
        return None, pos
    if match["asign"]:
        sign = -1 if match["asign"] in "-−" else 1
        base += sign * (int(match["aoh"]) * 60 + int(match["aom"] or 0))
    return timezone(timedelta(minutes=base)), match.end()


def _time(text: str, pos: int) -> tuple[tuple[int, int, int], tzinfo | None]:
    """Time of day and explicit offset following position `pos` (midnight and None when absent)."""
    match = _TIME.match(text, pos)
    if not match:
        return (0, 0, 0), _offset(text, pos)[0]
    hour = int(match["hour"])
    minute = int(match["minute"] or match["minute_ja"] or match["minute_dot"] or 0)
    second = int(match["second"] or match["second_ja"] or 0)
    ampm = (match["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if match["ampm_ja"] == "午後" or ampm == "pm":
        hour = hour + 12 if hour < 12 else hour
    elif (match["ampm_ja"] == "午前" or ampm == "am") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 60:
        return (0, 0, 0), None
    return (hour, minute, min(second, 59)), _offset(text, match.end())[0]


def _build(y: int, mo: int, d: int, text: str, end: int, tz: tzinfo) -> tuple[datetime, bool] | None:
    try:
        day = date(y, mo, d)
    except ValueError:
        return None
    if not 1900 <= y <= 2200:
        return None
    (h, mi, s), offset = _time(text, end)
    moment = datetime(day.year, day.month, day.day, h, mi, s)
    if offset is not None:
        return moment.replace(tzinfo=offset), False
    return moment.replace(tzinfo=tz), True


def _month(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def _without_year(mo: int, d: int, text: str, end: int, tz: tzinfo, now: datetime):
    # The most recent such day that is not in the future (a listing shows "10/12(火) 19:31").
    today = now.astimezone(tz)
    for year in (today.year, today.year - 1):
        found = _build(year, mo, d, text, end, tz)
        if found and found[0] <= today + timedelta(minutes=5):
            return found
    return None


def _relative(match: re.Match, now: datetime, tz: tzinfo) -> tuple[datetime, bool] | None:
    amount, unit = int(match[1]), match[2].lower()
    if unit in ("秒",) or unit.startswith(("sec", "sek")):
        delta = timedelta(seconds=amount)
    elif unit == "分" or unit.startswith("min"):
        delta = timedelta(minutes=amount)
    elif unit == "時間" or unit.startswith(("hour", "hr", "stunde")):
        delta = timedelta(hours=amount)
    elif unit == "日" or unit.startswith(("day", "tag")):
        delta = timedelta(days=amount)
    elif unit == "週間" or unit.startswith(("week", "woche")):
        delta = timedelta(weeks=amount)
    else:
        delta = timedelta(days=30 * amount)
    # The instant does not depend on any assumed zone, so the offset is not "inferred".
    return (now - delta).astimezone(tz), False


def _ymd(match: re.Match) -> tuple[int, int, int]:
    return int(match[1]), int(match[2]), int(match[3])


def _dmy(match: re.Match) -> tuple[int, int, int]:
    return int(match[3]), int(match[2]), int(match[1])


def _slash(match: re.Match) -> tuple[int, int, int]:
    # US order unless the first number cannot be a month.
    first, second = int(match[1]), int(match[2])
    return int(match[3]), *((second, first) if first > 12 else (first, second))


# The dates that give their year, tried in this order: (pattern, its match -> (year, month or None, day)).
# The first that makes a valid date wins; an unknown month name (None) tries the next pattern.
_DATED: tuple[tuple[re.Pattern, Callable[[re.Match], tuple[int, int | None, int]]], ...] = (
    (_ISO, _ymd),
    (_JA, _ymd),
    (_YMD, _ymd),
    (_ERA, lambda m: (_ERAS[m[1]] + (1 if m[2] == "元" else int(m[2])), int(m[3]), int(m[4]))),
    (_RFC, lambda m: (int(m[3]), _month(m[2]), int(m[1]))),
    (_NAME_MDY, lambda m: (int(m[3]), _month(m[1]), int(m[2]))),
    (_NAME_DMY, lambda m: (int(m[3]), _month(m[2]), int(m[1]))),
    (_DMY_DOT, _dmy),
    (_DMY_SHORT, lambda m: (2000 + int(m[3]), int(m[2]), int(m[1]))),
    (_SLASH_FULL, _slash),
)


def parse_date(text: str | None, tz: str | None = None, *, now: datetime | None = None):
    """(aware datetime or None, offset_inferred) for a timestamp as a page writes it.

    Without an offset in the text the time is read in `tz` (an IANA name; UTC when None) and
    offset_inferred is True. Dates without a year take the most recent such date not after `now`;
    "3時間前" / "3 hours ago" count back from `now` (default: the page's fetch time, FETCHED_AT, else the
    current time).
    """
    if not text:
        return None, False
    text = text.strip()[:300]
    zone_info = zone(tz)
    for pattern, day in _DATED:
        match = pattern.search(text)
        if match:
            year, month, mday = day(match)
            found = month and _build(year, month, mday, text, match.end(), zone_info)
            if found:
                return found
    now = now or FETCHED_AT.get() or datetime.now(UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=zone_info)
    for pattern in (_MD_JA, _MD_SLASH):
        match = pattern.search(text)
        if match:
            found = _without_year(int(match[1]), int(match[2]), text, match.end(), zone_info, now)
            if found:
                return found
    match = _RELATIVE.search(text)
    if match and (match[3] or match[0].lower().startswith(("vor", "il y a", "hace"))):
        return _relative(match, now, zone_info)
    return None, False
