"""The user's environment for the archive: $NEWSARCHIVE_DB, $NEWSARCHIVE_SIMILARITY, $NEWSARCHIVE_CLUSTERS, and
$NEWSARCHIVE_WARC and $NEWSARCHIVE_WARC_DIR for the WARC captures beside it.

The store takes plain arguments and reads no environment; the CLI and crawls (including `scrapy crawl`, through
CrawlRun) read these variables here and only here.
"""

from __future__ import annotations

import os
from pathlib import Path

from newsarchive.store import Archive, StoreError, open_archive

_OFF = ("0", "false", "no", "off")


def default_db() -> str:
    """The archive to use when none is named: $NEWSARCHIVE_DB, else ./newsarchive.db."""
    return os.environ.get("NEWSARCHIVE_DB") or "./newsarchive.db"


def warc_enabled(setting: bool) -> bool:
    """Whether a crawl writes WARC captures: its setting, unless $NEWSARCHIVE_WARC says 0/false/no/off."""
    text = os.environ.get("NEWSARCHIVE_WARC")
    return setting and (text is None or text.strip().lower() not in _OFF)


def warc_dir(db: str, setting: str | None = None) -> Path:
    """The WARC folder of archive `db`: the setting (--warc-dir, the config's warc_dir), else $NEWSARCHIVE_WARC_DIR,
    else beside the archive file (newsarchive.db -> newsarchive-warc/), else ./newsarchive-warc for a server URL."""
    chosen = setting or os.environ.get("NEWSARCHIVE_WARC_DIR")
    if chosen:
        return Path(chosen).expanduser()
    if "://" in db and not db.startswith("sqlite:"):
        return Path("newsarchive-warc")
    path = Path(db.removeprefix("sqlite:///")) if db.startswith("sqlite:") else Path(db)
    return path.with_name(path.stem + "-warc")


def env_similarity() -> float | None:
    """$NEWSARCHIVE_SIMILARITY as a number; None when it is unset (the archive's default then applies)."""
    text = os.environ.get("NEWSARCHIVE_SIMILARITY")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise StoreError(f"NEWSARCHIVE_SIMILARITY must be a number, not {text!r}") from None


def env_clusters() -> bool:
    """Whether $NEWSARCHIVE_CLUSTERS leaves story clusters on: unset, or anything but 0/false/no/off."""
    text = os.environ.get("NEWSARCHIVE_CLUSTERS")
    return text is None or text.strip().lower() not in _OFF


def open_user_archive(
    db: str | None = None,
    *,
    fts: bool = True,
    similarity: float | None = None,
    clusters: bool | None = None,
    read_only: bool = False,
) -> Archive:
    """store.open_archive, with the archive, similarity and clusters the caller leaves None from the environment."""
    return open_archive(
        db if db is not None else default_db(),
        fts=fts,
        similarity=similarity if similarity is not None else env_similarity(),
        clusters=env_clusters() if clusters is None else clusters,
        read_only=read_only,
    )
