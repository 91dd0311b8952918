"""Choose single fields from candidates: headline, authors, section, language, canonical URL, next page."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qs, urlsplit

from newsarchive.clean import absolute_url, clean_line, url_key
from newsarchive.extract.links import same_site

_SITE_TAIL = re.compile(r"\s+[|｜\-–—·•»]\s+(?:\S+\s?){1,5}")
_SEPARATORS = re.compile(r"\s+[|｜\-–—:·•»/]\s+|\s*[|｜]\s*|\s+::\s+")
_BY = re.compile(r"^(?:by|von|par|por|di|door|av|af|text:|text von|文[・:：]|取材[・:：]?|written by)\s+", re.I)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|、|／|\s/\s|\band\b|\bund\b|\bet\b|\by\b|&)\s*", re.I)
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LETTERS = re.compile(r"[^\W\d_]")
_PAGE_SUFFIX = re.compile(r"(?:[_\-/](?:p|page|seite)?\d{1,3})(?=(?:\.\w{2,5})?/?$)", re.I)


def norm(text: str) -> str:
    """Comparison form of a headline: NFKC, case-folded, quotes unified, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")
    return " ".join(text.split()).rstrip(" .…")


def strip_site_name(title: str, site_names=(), *, guess: bool = False) -> str:
    """A title without its " | Site" (or "Site - ") part for known site names.

    With `guess` (for <title>, which nearly always carries the site), an unknown name goes too when it
    clearly is one: the part after " | ", or a short last part after " - ".
    """
    title = clean_line(title)
    names = {norm(n) for n in site_names if n}
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if names:
        kept = [p for p in parts if norm(p) not in names and not any(n and n in norm(p) and len(norm(p)) <= len(n) + 12
                                                                     for n in names)]
        if kept and len(kept) < len(parts):
            # Rebuild from the original title so separators inside the headline survive.
            start = title.find(kept[0])
            end = title.rfind(kept[-1]) + len(kept[-1])
            return title[start:end].strip() if start >= 0 and end > start else " ".join(kept)
    if not guess:
        return title
    if re.search(r"\s*[|｜]\s*", title):
        return max(re.split(r"\s*[|｜]\s*", title), key=len).strip()
    last = parts[-1]
    if len(last) <= 30 and len(last.split()) <= 4 and len(title) - len(last) > len(last) * 1.5:
        return title[: title.rfind(last)].rstrip(" -–—:·•»/").strip()
    return title


def headline_matches(page_text: str, declared: str, site_names=()) -> bool:
    """Whether an on-page headline is the declared one, modulo site suffix, truncation and case."""
    a, b = norm(page_text), norm(strip_site_name(declared, site_names))
    if not a or not b:
        return False
    # Guessing an unknown site name is safe here: the page's own headline confirms the rest.
    if a in (b, norm(declared), norm(strip_site_name(declared, site_names, guess=True))):
        return True
    # "Heading - Some Site Name": a short tail after a separator is the site, whatever its length in letters.
    tail = b[len(a):] if b.startswith(a) else ""
    if tail and _SITE_TAIL.fullmatch(tail):
        return True
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return len(shorter) >= 20 and longer.startswith(shorter) and len(shorter) >= 0.6 * len(longer)


_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]|\w+")


def headline_words(text: str) -> set[str]:
    """The words of a headline (each CJK character one word), for comparing variants."""
    return set(_WORD.findall(norm(text)))


def similar_headline(page_text: str, declared: str) -> bool:
    """Whether two headlines are variants of one another (an SEO title reworded, a kicker added)."""
    a, b = headline_words(page_text), headline_words(declared)
    if len(a) < 3 or len(b) < 3:
        return False
    return len(a & b) >= 0.7 * min(len(a), len(b)) and len(a & b) >= 0.5 * max(len(a), len(b))


def split_authors(values) -> list[str]:
    """Author names from strings like "By A, B and C" (URLs and e-mail addresses dropped)."""
    names = []
    for value in values:
        value = clean_line(value)
        if not value or re.match(r"^(?:https?:|www\.)", value) or "@" in value and " " not in value:
            continue
        value = _BY.sub("", value)
        for part in _AUTHOR_SPLIT.split(value) if len(value) > 3 else [value]:
            part = _BY.sub("", part.strip(" ·|-–—:"))
            if part and len(part) <= 80 and _LETTERS.search(part):
                names.append(part)
    return names


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
        if url_key(absolute_url(url, page_url) or url) == url_key(page_url) or (headline and norm(name) == norm(headline)):
            continue
        usable.append(name)
    return usable[-1] if usable else None


def language_code(value: str | None) -> str | None:
    """The primary language subtag of "ja-JP", "de_AT", "en" (lower-case), or None."""
    if not value:
        return None
    code = re.split(r"[-_\s,;]", value.strip())[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def guess_language(text: str) -> str | None:
    """"ja", "ko" or "zh" when the text is mostly in that script; None otherwise (Latin scripts are not guessed)."""
    sample = text[:5000]
    letters = len(_LETTERS.findall(sample))
    if not letters:
        return None
    kana, han, hangul = len(_KANA.findall(sample)), len(_HAN.findall(sample)), len(_HANGUL.findall(sample))
    if kana and (kana + han) >= 0.3 * letters:
        return "ja"
    if hangul >= 0.3 * letters:
        return "ko"
    if han >= 0.3 * letters:
        return "zh"
    return None


def canonical_url(candidates, page_url: str) -> str | None:
    """The first canonical/og:url on the same site that is not the site's home page."""
    for value in candidates:
        url = absolute_url(value, page_url)
        if url and same_site(url, page_url) and urlsplit(url).path.strip("/") != "":
            return url
    return None


def _stem(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    path = _PAGE_SUFFIX.sub("", parts.path).rstrip("/")
    query = {k: v for k, v in parse_qs(parts.query).items() if k.lower() not in ("page", "p", "seite", "pg")}
    return parts.netloc.lower().removeprefix("www."), path + "?" + "&".join(f"{k}={v}" for k, v in sorted(query.items()))


def is_next_page(candidate: str, page_url: str) -> bool:
    """Whether a rel=next URL continues this article (same path stem, a page number added or changed)."""
    return bool(candidate) and url_key(candidate) != url_key(page_url) and _stem(candidate) == _stem(page_url)
