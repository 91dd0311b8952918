"""Find an article's publication or modification time: declared values, site rules, then page heuristics."""

from __future__ import annotations

import re
from datetime import timedelta

from newsarchive.extract.boilerplate.chrome import in_site_chrome
from newsarchive.extract.document.tree import ancestors, css, text_of, tokens
from newsarchive.extract.fields.datefallback import plausible, searched_date, url_date
from newsarchive.extract.fields.dates import parse_date
from newsarchive.extract.fields.datewords import PUBLISHED_LABELS

_CLOCK = re.compile(r"\d{1,2}\s*(?:[:：]\d{2}|時)")
# Class/id words of a dateline element; "datum", "fecha", "tarih" are the word "date" in other languages.
_DATE_WORDS = frozenset(
    "date time timestamp published pubdate datetime dateline publish posted datum fecha tarih "
    # The byline blocks of the common blog and CMS themes ("entry-meta", "post-meta", Drupal's "submitted").
    "byline submitted meta".split()
)
# Blocks that list other stories (each with its own date).
_OTHER_STORY_WORDS = frozenset(
    "related relatedcontent recommend recommended recommendations teaser teasers ranking rankings popular "
    "trending mostread latest more outbrain taboola".split()
)
# Blocks beside or below the article whose dates are someone else's: readers' comments and sidebars
# (WordPress "comment-meta", "commentlist", Disqus threads, "widget" and "sidebar" columns).
_ASIDE_WORDS = frozenset("comment comments commentlist reply replies respond disqus sidebar widget".split())
_NOT_THIS_STORY = _OTHER_STORY_WORDS | _ASIDE_WORDS
# Words of data-* attribute names that hold a timestamp ("data-datetime", "data-publish-date", "data-deploy-dt"),
# and words that mark a later change rather than the publication ("data-re-deploy-dt", "data-updated-at").
_ATTR_TIME_WORDS = frozenset("date datetime dt time timestamp pubdate published publish".split())
_ATTR_CHANGE_WORDS = frozenset("re mod modified update updated last edit edited changed revised".split())
# What a page writes before a later change's time, not the publication's ("Aktualisiert am", "Mis à jour le"),
# lower-case; and the class words of such an element (hAtom's "updated", WordPress's "entry-date updated").
_CHANGE_LABEL = re.compile(
    r"(?:last\s+)?(?:updated|modified|edited|changed|revised)\b|zuletzt|aktualisiert|geändert|mis à jour|"
    r"actualizado|actualizada|aggiornato|bijgewerkt|oppdatert|uppdaterad|opdateret|päivitetty|zaktualizowano",
    re.I,
)
_CHANGE_WORDS = frozenset("updated modified update lastmod lastmodified changed edited revised".split())
# <meta name> values that say "a date" without saying which (see _weak_meta_values).
_WEAK_META = frozenset("date dc.date dcterms.date".split())
_ATTR_SPLIT = re.compile(r"[-_:.]|(?<=[a-z])(?=[A-Z])")
_LABEL = re.compile(
    "^(?:"
    + "|".join(re.escape(label) for label in sorted(PUBLISHED_LABELS, key=len, reverse=True))
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
    (moment, _, inferred, timed), (old, _, old_inferred, old_timed) = better[:4], worse[:4]
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
        if moment and plausible(moment, source):
            found = (moment, source, inferred, bool(_CLOCK.search(value)), value)
            if best is None or _refines(found, best):
                best = found
    return best


def _about_another_story(el) -> bool:
    # A date inside a link, a related/teaser block, a comment or a sidebar belongs to another article or
    # to a reader; one in the chrome to the site.
    return any(a.tag in ("a", "aside") or tokens(a) & _NOT_THIS_STORY for a in ancestors(el)) or in_site_chrome(el)


def _marks_a_change(el) -> bool:
    """Whether `el` holds a later change's time: an "updated" class, or an "Updated:" label in or just before it."""
    if tokens(el) & _CHANGE_WORDS:
        return True
    parent = el.getparent()
    previous = el.getprevious()
    before = [el.text or "", (parent.text or "") if parent is not None else ""]
    if previous is not None:
        before += [previous.tail or "", text_of(previous)[-40:]]
    return any(_CHANGE_LABEL.search(text[-40:]) for text in before if text.strip())


def _time_elements(root):
    # Times of other stories are left out; one marked as a later change comes last (it is the only
    # time some pages show, and then the best the page offers). Listing pages hold hundreds of <time>:
    # only the first few that qualify are looked at closely.
    times = [el for el in root.iter("time") if el.get("datetime") or el.get("pubdate") is not None]
    times.sort(key=lambda el: not any(a.tag == "article" for a in ancestors(el)))
    kept: list = []
    changes: list = []
    for el in times:
        if len(kept) >= 5 or len(kept) + len(changes) >= 10:
            break
        if not _about_another_story(el):
            (changes if _marks_a_change(el) else kept).append(el)
    for el in (kept + changes)[:5]:
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
            and not _marks_a_change(el)
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


def _page_url(record) -> str | None:
    # The page's own address as it declares it (canonical link, og:url): where a URL's date is read.
    for value, _ in record.get("url"):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _weak_meta_values(root) -> set[str]:
    # Generic "date" meta tags: content systems fill them with the page record's creation or last change,
    # which is often not the day the article shows; a dateline the page shows is trusted over them.
    return {
        (meta.get("content") or "").strip()
        for meta in root.iter("meta")
        if (meta.get("name") or meta.get("property") or "").strip().lower() in _WEAK_META
    }


_FINDERS = (_time_elements, _class_named_elements, _attribute_elements, _labelled_elements)


def _shown(root, tz, finders=_FINDERS):
    """The first plausible time the page shows: <time datetime>, dateline classes, data-* times, labels."""
    for finder in finders:
        for text in finder(root):
            moment, inferred = parse_date(text, tz)
            if moment and plausible(moment, "heuristic"):
                return moment, "heuristic", inferred
    return None


def find_date(root, record, rules, name, tz):
    """(datetime, source, offset_inferred) for "published" or "modified"; (None, None, False) when none.

    For "published": declared values, the site's selectors, what the page shows, the URL's date, then
    htmldate's search; every candidate must be plausible (not days ahead, not before 1995 unless declared).
    """
    declared = _declared(record, name, tz)
    if declared and (name != "published" or declared[1] != "meta" or declared[4] not in _weak_meta_values(root)):
        return declared[:3]
    for el in css(root, getattr(rules, name))[:3]:
        for text in (element_value(el), text_of(el)):
            moment, inferred = parse_date(text, tz)
            if moment and plausible(moment, "site"):
                return moment, "site", inferred
    if name != "published":
        return None, None, False
    if declared:  # a generic "date" meta tag: what the page shows comes first
        return _shown(root, tz, (_time_elements,)) or declared[:3]
    shown = _shown(root, tz)
    if shown:
        return shown
    page_url = _page_url(record)
    # Both last resorts report "heuristic": Article.sources keeps to items.SOURCES.
    moment = url_date(page_url, tz)
    if not (moment and plausible(moment, "heuristic")):
        moment = searched_date(root, page_url, tz)  # htmldate's search only when the URL has no date
    if moment and plausible(moment, "heuristic"):
        return moment, "heuristic", True
    return None, None, False
