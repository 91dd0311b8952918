"""Per-site extraction rules: the few selectors and defaults that structured data does not give."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rules:
    """What a site profile tells the page object; every selector is CSS and optional.

    Structured data (JSON-LD, OpenGraph, meta) is read first; a selector here is used for a field that
    structured data does not give (or, for `body` and `related`, always, since structured data rarely
    carries the whole body or the publisher's related-reading block).
    """

    timezone: str | None = None  # IANA name used when a page's timestamp has no offset
    language: str | None = None  # default language when the page does not declare one
    headline: str | None = None  # e.g. "div.entryDetailHeadline > h1"
    published: str | None = None  # element whose text holds the publication time
    modified: str | None = None
    authors: str | None = None  # each match is one author (text)
    section: str | None = None  # breadcrumb items; the section is the last linked item after home
    tags: str | None = None  # each match is one tag (text)
    body: str | None = None  # the container of the article's paragraphs
    body_remove: tuple[str, ...] = ()  # removed from the body container before reading it
    related: str | None = None  # container(s) of the related-reading block; its <a> become links
    next_page: str | None = None  # <a> whose href is the article's next page
    image: str | None = None  # lead <img>
    drop_lines: tuple[str, ...] = ()  # regexes; a body line matching one is dropped (credits, copyright)
    extra: dict = field(default_factory=dict)
