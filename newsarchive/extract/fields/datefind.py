"""Find an article's publication or modification time: declared values, site rules, then page heuristics."""

from __future__ import annotations

import re
from datetime import timedelta

from newsarchive.extract.boilerplate.chrome import in_site_chrome
from newsarchive.extract.document.tree import ancestors, css, text_of, tokens
from newsarchive.extract.fields.dates import parse_date

_CLOCK = re.compile(r"\d{1,2}\s*(?:[:：]\d{2}|時)")
# Class/id words of a dateline element; "datum", "fecha", "tarih" are the word "date" in other languages.
_DATE_WORDS = frozenset(
    "date time timestamp published pubdate datetime dateline publish posted datum fecha tarih".split()
)
# Blocks that list other stories (each with its own date).
_OTHER_STORY_WORDS = frozenset(
    "related relatedcontent recommend recommended recommendations teaser teasers ranking rankings popular "
    "trending mostread latest more outbrain taboola".split()
)
# Words of data-* attribute names that hold a timestamp ("data-datetime", "data-publish-date", "data-deploy-dt"),
# and words that mark a later change rather than the publication ("data-re-deploy-dt", "data-updated-at").
_ATTR_TIME_WORDS = frozenset("date datetime dt time timestamp pubdate published publish".split())
_ATTR_CHANGE_WORDS = frozenset("re mod modified update updated last edit edited changed revised".split())
_ATTR_SPLIT = re.compile(r"[-_:.]|(?<=[a-z])(?=[A-Z])")
# Labels a page writes before the publication time ("Datum 28.04.2023", "입력 2026.07.12 22:09"), lower-case.
_PUBLISHED_LABELS = (
    "published on",
    "published",
    "posted on",
    "posted",
    "date",
    "datum",
    "veröffentlicht am",
    "veröffentlicht",
    "erschienen am",
    "erschienen",
    "publié le",
    "publié",
    "publicado el",
    "publicado",
    "publicada",
    "fecha",
    "pubblicato il",
    "pubblicato",
    "data",
    "gepubliceerd op",
    "gepubliceerd",
    "opublikowano",
    "publikováno",
    "publiserad",
    "publisert",
    "udgivet",
    "yayınlanma",
    "yayın tarihi",
    "입력",
    "등록",
    "公開日",
    "公開",
    "配信日",
    "配信",
    "掲載日",
    "发布时间",
    "发布",
    "發布",
)
_LABEL = re.compile(
    "^(?:"
    + "|".join(re.escape(label) for label in sorted(_PUBLISHED_LABELS, key=len, reverse=True))
    + r")(?![^\W\d_])\s*[:：]?\s*",
    re.I,
)


def element_value(el) -> str:
    """A timestamp-bearing attribute of `el` (datetime=, content=, ...), else its text."""
    for attr in ("datetime", "content", "data-datetime", "title"):
        value = el.get(attr)
        if value and value.strip():
            return value.strip()
    return text_of(el)


def _refines(better, worse) -> bool:
    """Whether declared timestamp `better` says the same as `worse`, more precisely.

    Pages often declare one moment several times with differing care: a date-only JSON-LD beside a
    full og timestamp, an offset-less JSON-LD beside a meta tag with the offset, or local wall time
    stamped "+00:00" beside the same wall time with the real offset.
    """
    (moment, _, inferred, timed), (old, _, old_inferred, old_timed) = better, worse
    if moment.date() != old.date():
        return False
    if timed and not old_timed:
        return True
    same_wall_time = moment.replace(tzinfo=None) == old.replace(tzinfo=None)
    if not same_wall_time or inferred:
        return False
    return old_inferred or (old.utcoffset() == timedelta(0) and moment.utcoffset() != timedelta(0))


def _declared(record, name, tz):
    best = None
    for value, source in record.get(name)[:8]:
        moment, inferred = parse_date(value, tz)
        if moment:
            found = (moment, source, inferred, bool(_CLOCK.search(value)))
            if best is None or _refines(found, best):
                best = found
    return best


def _about_another_story(el) -> bool:
    # A date inside a link or a related/teaser block belongs to another article; one in the chrome to the site.
    return any(a.tag == "a" or tokens(a) & _OTHER_STORY_WORDS for a in ancestors(el)) or in_site_chrome(el)


def _time_elements(root):
    times = [el for el in root.iter("time") if el.get("datetime") or el.get("pubdate") is not None]
    times.sort(key=lambda el: not any(a.tag == "article" for a in ancestors(el)))
    for el in times[:5]:
        yield element_value(el)
        yield text_of(el)


def _class_named_elements(root):
    count = 0
    for el in root.iter():
        if count >= 15:
            return
        if (
            isinstance(el.tag, str)
            and tokens(el) & _DATE_WORDS
            and len(text_of(el)) <= 80
            and not _about_another_story(el)
        ):
            count += 1
            yield element_value(el)
            yield text_of(el)


def _attribute_elements(root):
    """Values of data-* attributes named for a publication time, then the short text of their element."""
    count = 0
    for el in root.iter():
        if count >= 10:
            return
        if not isinstance(el.tag, str):
            continue
        for key, value in el.attrib.items():
            if not key.startswith("data-"):
                continue
            words = {w.lower() for w in _ATTR_SPLIT.split(key[5:]) if w}
            if words & _ATTR_TIME_WORDS and not words & _ATTR_CHANGE_WORDS and not _about_another_story(el):
                count += 1
                yield value
                text = text_of(el)
                if len(text) <= 80:
                    yield text
                break


def _labelled_elements(root):
    """The text after a publication label: "<strong>Datum</strong> 28.04.2023", "Published: 3 May 2024"."""
    count = 0
    for el in root.iter():
        if count >= 10:
            return
        head = el.text.strip() if isinstance(el.tag, str) and el.text else ""
        if not head or len(head) > 60:
            continue
        match = _LABEL.match(head)
        if not match:
            continue
        rest = head[match.end() :]
        holder = el if rest else el.getparent()
        if holder is None or _about_another_story(el):
            continue
        text = text_of(holder)
        if len(text) <= 100:
            count += 1
            yield _LABEL.sub("", text, count=1)


def find_date(root, record, rules, name, tz):
    """(datetime, source, offset_inferred) for "published" or "modified"; (None, None, False) when none."""
    declared = _declared(record, name, tz)
    if declared:
        return declared[:3]
    for el in css(root, getattr(rules, name))[:3]:
        for text in (element_value(el), text_of(el)):
            moment, inferred = parse_date(text, tz)
            if moment:
                return moment, "site", inferred
    if name != "published":
        return None, None, False
    for finder in (_time_elements, _class_named_elements, _attribute_elements, _labelled_elements):
        for text in finder(root):
            moment, inferred = parse_date(text, tz)
            if moment:
                return moment, "heuristic", inferred
    return None, None, False
