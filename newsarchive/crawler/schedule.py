"""Re-check schedule: an archived article is fetched again when it passes an age since its publication."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from newsarchive.crawler import settings

# The project's schedule (settings.NEWSARCHIVE_RECHECK), for a config file's sites that name none.
DEFAULT_RECHECK = tuple(settings.NEWSARCHIVE_RECHECK)

_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$", re.I)
_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_age(text: str | int | float) -> timedelta:
    """timedelta from "90s", "30m", "6h", "7d", "2w" (or a number of seconds); ValueError otherwise."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        seconds = float(text)
    else:
        match = _AGE.match(str(text))
        if not match:
            raise ValueError(f"an age is a number and a unit like 30m, 6h or 7d, not {text!r}")
        seconds = float(match.group(1)) * _UNIT[match.group(2).lower()]
    if seconds <= 0:
        raise ValueError(f"an age must be positive, not {text!r}")
    return timedelta(seconds=seconds)


def parse_ages(items: list | tuple | str) -> tuple[timedelta, ...]:
    """Sorted ages from a list (or a comma-separated string) of ages."""
    if isinstance(items, str):
        items = [part for part in items.split(",") if part.strip()]
    return tuple(sorted(parse_age(item) for item in items))


def next_check(published: datetime, last_fetch: datetime, ages: tuple[timedelta, ...]) -> datetime | None:
    """The first scheduled check (published + age) after the last fetch; None when none is left."""
    for age in ages:
        when = published + age
        if when > last_fetch:
            return when
    return None


def is_due(published: datetime | None, last_fetch: datetime, now: datetime, ages: tuple[timedelta, ...]) -> bool:
    """Whether a scheduled check fell between the last fetch and now.

    For an article without a publication date the caller passes when it was first seen instead.
    """
    if published is None:
        return False
    when = next_check(published, last_fetch, ages)
    return when is not None and when <= now
