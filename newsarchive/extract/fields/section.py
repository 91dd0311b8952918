"""An article's section, read from its breadcrumb trail."""

from __future__ import annotations

from urllib.parse import urlsplit

from newsarchive.extract.fields.headline import norm
from newsarchive.text.clean import absolute_url, clean_line
from newsarchive.text.urls import url_key


def section_from_trail(items: list[tuple[str, str | None]], page_url: str, headline: str = "") -> str | None:
    """The section from breadcrumb items: the last linked item after home that is not the article itself."""
    usable = []
    for index, (name, url) in enumerate(items):
        name = clean_line(name)
        if not name or not url:
            continue
        path = urlsplit(url).path if "://" in url else url
        if index == 0 and path.strip("/") == "" or norm(name) in ("home", "ホーム", "top", "トップ", "startseite"):
            continue
        if url_key(absolute_url(url, page_url) or url) == url_key(page_url) or (
            headline and norm(name) == norm(headline)
        ):
            continue
        usable.append(name)
    return usable[-1] if usable else None
