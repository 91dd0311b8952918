"""The crawl configuration file (TOML): which sites to crawl, their feeds, politeness and re-check schedule."""

from __future__ import annotations

import math
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newsarchive.crawler.schedule import DEFAULT_RECHECK, parse_ages

DEFAULT_PATH = "newsarchive.toml"
_TOP_KEYS = {"db", "warc_dir", "defaults", "sites"}
_SITE_KEYS = {"url", "base_url", "feeds", "sitemaps", "delay", "concurrency", "recheck", "settings"}


# A site's delay (seconds) and concurrency (parallel requests) beyond these are mistakes, not politeness.
MAX_DELAY = 3600
MAX_CONCURRENCY = 100


class ConfigError(ValueError):
    """The config file is missing, not TOML, or names something wrong; the message says where."""


@dataclass(frozen=True)
class SiteConfig:
    """One site to crawl: a profile's name (optionally pointed at `base_url`) or any site from `url`."""

    name: str
    url: str | None = None  # start URL for the generic spider (a site without a profile)
    base_url: str | None = None  # a profile's site at another address (a mirror)
    feeds: tuple[str, ...] = ()  # replace the profile's feeds when given
    sitemaps: tuple[str, ...] = ()  # replace the profile's sitemaps when given
    delay: float | None = None  # seconds between requests (None: the project's DOWNLOAD_DELAY)
    concurrency: int | None = None  # parallel requests (None: CONCURRENT_REQUESTS_PER_DOMAIN)
    recheck: tuple[str, ...] = DEFAULT_RECHECK
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def spider(self) -> str:
        return "generic" if self.url else self.name

    def scrapy_settings(self) -> dict[str, Any]:
        """The Scrapy settings this site's crawl runs with (its own `settings` table last)."""
        values: dict[str, Any] = {"NEWSARCHIVE_RECHECK": list(self.recheck)}
        if self.delay is not None:
            values["DOWNLOAD_DELAY"] = self.delay
        if self.concurrency is not None:
            values["CONCURRENT_REQUESTS_PER_DOMAIN"] = self.concurrency
            values["AUTOTHROTTLE_TARGET_CONCURRENCY"] = float(self.concurrency)
        if self.feeds:
            values["NEWSARCHIVE_FEEDS"] = list(self.feeds)
        if self.sitemaps:
            values["NEWSARCHIVE_SITEMAPS"] = list(self.sitemaps)
        if self.url:
            values["NEWSARCHIVE_SITE_NAME"] = self.name
        return {**values, **self.settings}


@dataclass(frozen=True)
class Config:
    path: str
    sites: tuple[SiteConfig, ...]
    db: str | None = None
    warc_dir: str | None = None  # where crawls write WARC captures (default: beside the archive)

    def site(self, name: str) -> SiteConfig | None:
        return next((s for s in self.sites if s.name == name), None)


def config_path(given: str | None = None) -> str | None:
    """--config, else $NEWSARCHIVE_CONFIG, else ./newsarchive.toml when it exists; None when there is none."""
    if given:
        return given
    if os.environ.get("NEWSARCHIVE_CONFIG"):
        return os.environ["NEWSARCHIVE_CONFIG"]
    return DEFAULT_PATH if Path(DEFAULT_PATH).is_file() else None


def load_config(path: str) -> Config:
    """Read and check a config file; ConfigError names the file and the offending key."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"no config file at {path}") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config {path}: {exc}") from None
    _no_unknown(path, "", data, _TOP_KEYS)
    defaults = _table(path, "defaults", data.get("defaults", {}))
    _no_unknown(path, "defaults.", defaults, _SITE_KEYS - {"url", "base_url", "feeds", "sitemaps"})
    sites_table = _table(path, "sites", data.get("sites", {}))
    if not sites_table:
        raise ConfigError(f"{path}: no sites: add a [sites.NAME] table for each site to crawl")
    sites = []
    for name, table in sites_table.items():
        table = _table(path, f"sites.{name}", table)
        # A site's settings table adds to the defaults' rather than replacing it.
        settings = {
            **_table(path, "defaults.settings", defaults.get("settings", {})),
            **_table(path, f"sites.{name}.settings", table.get("settings", {})),
        }
        sites.append(_site(path, name, {**defaults, **table, "settings": settings}))
    db = data.get("db")
    if db is not None and not isinstance(db, str):
        raise ConfigError(f"{path}: db must be a file path or SQLAlchemy URL string")
    warc_dir = data.get("warc_dir")
    if warc_dir is not None and not isinstance(warc_dir, str):
        raise ConfigError(f"{path}: warc_dir must be a folder path string")
    return Config(path=path, sites=tuple(sites), db=db, warc_dir=warc_dir)


def _table(path: str, key: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: {key} must be a table")
    return value


def _no_unknown(path: str, prefix: str, table: dict[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ConfigError(f"{path}: unknown key {prefix}{unknown[0]} (allowed: {', '.join(sorted(allowed))})")


def _site(path: str, name: str, table: dict[str, Any]) -> SiteConfig:
    where = f"{path}: sites.{name}"
    _no_unknown(path, f"sites.{name}.", table, _SITE_KEYS)
    for key in ("url", "base_url"):
        value = table.get(key)
        if value is not None and (not isinstance(value, str) or urlsplit(value).scheme not in ("http", "https")):
            raise ConfigError(f"{where}.{key} must be an http(s) URL, not {value!r}")
    if not table.get("url"):
        from newsarchive.sites import UnknownSite, get_site

        try:
            get_site(name)
        except UnknownSite as exc:
            raise ConfigError(f'{where}: {exc.args[0]}; or give url = "https://..." to crawl any site') from None
    lists = {}
    for key in ("feeds", "sitemaps", "recheck"):
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}.{key} must be a list of strings, not {value!r}")
        lists[key] = tuple(str(v) for v in value)
    try:
        parse_ages(lists["recheck"])
    except ValueError as exc:
        raise ConfigError(f"{where}.recheck: {exc}") from None
    except OverflowError:
        raise ConfigError(f"{where}.recheck: an age longer than any calendar, in {list(lists['recheck'])}") from None
    delay = _number(where, "delay", table.get("delay"), 0, MAX_DELAY)
    concurrency = _number(where, "concurrency", table.get("concurrency"), 1, MAX_CONCURRENCY, whole=True)
    settings = _table(path, f"sites.{name}.settings", table.get("settings", {}))
    try:
        check_settings(settings)
    except ValueError as exc:
        raise ConfigError(f"{where}.settings: {exc}") from None
    return SiteConfig(
        name=name,
        url=table.get("url"),
        base_url=table.get("base_url"),
        feeds=lists["feeds"],
        sitemaps=lists["sitemaps"],
        delay=None if delay is None else float(delay),
        concurrency=None if concurrency is None else int(concurrency),
        recheck=lists["recheck"] or DEFAULT_RECHECK,
        settings=dict(settings),
    )


def _number(where: str, key: str, value: Any, low: int, high: int, *, whole: bool = False) -> int | float | None:
    """A config number within [low, high] (None when absent); TOML's true, strings, inf and nan are errors."""
    if value is None:
        return None
    kinds = (int,) if whole else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds) or not low <= value <= high:
        kind = "a whole number" if whole else "a number"
        raise ConfigError(f"{where}.{key} must be {kind} from {low} to {high}, not {value!r}")
    return value


def check_settings(settings: dict[str, Any]) -> None:
    """ValueError naming the first setting whose value is not of its kind: a number, a flag, a similarity.

    A value (a -s string or a config file's TOML value) is checked against the type of the setting's
    default, the project's (settings.py) or Scrapy's: a finite number, or true/false; NEWSARCHIVE_*
    numbers must not be negative. Run before a crawl starts, so a typo is one line instead of a failure
    inside Scrapy.
    """
    from scrapy.settings import default_settings

    from newsarchive.crawler import settings as project

    for name, value in settings.items():
        default = getattr(project, name, getattr(default_settings, name, None))
        ours = name.startswith("NEWSARCHIVE_")
        if name == "NEWSARCHIVE_SIMILARITY":
            try:
                number = _as_number(name, value)
            except ValueError:
                number = -1.0
            if number is not None and not 0 < number <= 1:
                raise ValueError(f"{name} must be a number above 0 and at most 1, not {value!r}")
        elif isinstance(default, bool):
            if str(value).strip().lower() not in ("0", "1", "true", "false"):
                raise ValueError(f"{name} must be true or false (or 1 or 0), not {value!r}")
        elif isinstance(default, (int, float)):
            # Not "whole" for int defaults: some are read with getfloat (NEWSARCHIVE_PROGRESS_INTERVAL = 0.5).
            number = _as_number(name, value)
            if ours and number is not None and number < 0:
                raise ValueError(f"{name} must not be negative, not {value!r}")


def _as_number(name: str, value: Any) -> float | None:
    """A setting's value as a finite number (None stays None: the default applies)."""
    if value is None:
        return None
    try:
        number = None if isinstance(value, bool) else float(value)
    except (TypeError, ValueError, OverflowError):
        number = None
    if number is None or not math.isfinite(number):
        raise ValueError(f"{name} must be a number, not {value!r}")
    return number
