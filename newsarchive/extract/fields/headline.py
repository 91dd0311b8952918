"""Choose the headline: the heading the page shows, reconciled with the titles the page declares."""

from __future__ import annotations

import re
import unicodedata

from newsarchive.extract.boilerplate.chrome import in_site_chrome, is_article_header, is_crumb
from newsarchive.extract.boilerplate.junk import in_furniture
from newsarchive.extract.document.tree import ancestors, css, text_of, tokens
from newsarchive.extract.fields.selflinks import links_home, links_to_itself
from newsarchive.text.clean import clean_line
from newsarchive.text.words import words

_HEAD_WORDS = frozenset("header head heading titles".split())
_KICKER_END = re.compile(r"\s*[:|｜\-–—/·•]\s*$")
_LEADING_SEPARATOR = re.compile(r"^\s*[:|｜\-–—/·•]\s*")
_SEPARATOR_END = re.compile(r"[:|｜\-–—/·•]\s*$")
_SITE_TAIL = re.compile(r"\s+[|｜\-–—·•»]\s+(?:\S+\s?){1,5}")
_SEPARATORS = re.compile(r"\s+[|｜\-–—:·•»/]\s+|\s*[|｜]\s*|\s+::\s+")


def norm(text: str) -> str:
    """Comparison form of a headline: NFKC, case-folded, quotes unified, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")
    return " ".join(text.split()).rstrip(" .…")


_TYPOGRAPHY = str.maketrans({"–": "-", "—": "-", "‒": "-", "„": '"', "“": '"', "”": '"', "«": '"', "»": '"'})


def _typeset(text: str) -> str:
    """A headline's comparison form with dashes and quotation marks of every style made one."""
    return norm(text).translate(_TYPOGRAPHY)


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
        kept = [
            p
            for p in parts
            if norm(p) not in names and not any(n and n in norm(p) and len(norm(p)) <= len(n) + 12 for n in names)
        ]
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
    tail = b[len(a) :] if b.startswith(a) else ""
    if tail and _SITE_TAIL.fullmatch(tail):
        return True
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return len(shorter) >= 20 and longer.startswith(shorter) and len(shorter) >= 0.6 * len(longer)


def headline_words(text: str) -> set[str]:
    """The words of a headline (text.words: each CJK character one word), for comparing variants."""
    return set(words(text))


def similar_headline(page_text: str, declared: str) -> bool:
    """Whether two headlines are variants of one another (an SEO title reworded, a kicker added)."""
    a, b = headline_words(page_text), headline_words(declared)
    if len(a) < 3 or len(b) < 3:
        return False
    return len(a & b) >= 0.7 * min(len(a), len(b)) and len(a & b) >= 0.5 * max(len(a), len(b))


def _spaced_text(el) -> str:
    # Kicker and headline often sit in sibling <span>s shown as blocks: keep a space between them.
    return clean_line(" ".join(el.itertext()))


def _in_article_head(el) -> bool:
    """Whether an element sits in the article's head: a <header>, or a block named "header"/"head"/"title"."""
    chain = list(ancestors(el))
    for index, node in enumerate(chain):
        if node.tag == "header" or tokens(node) & _HEAD_WORDS:
            return is_article_header(node, chain[index + 1 :])
    return False


def _headings(root, rules, page_url="", logos=()):
    """([(element, source)], weak): Rules.headline and the page's <h1>s (the article's first; never the site's
    logo); when there are none, a heading linked to the page itself (a blog's post title), else the article
    header's own heading, which is weak: used only where a declared title confirms it."""
    found = [(el, "site") for el in css(root, rules.headline)[:1]]
    h1s = [el for el in root.iter("h1") if el not in logos][:10]
    # Only what lies between a heading and its <article> says it is furniture: a layout wrapper above the
    # article (a grid cell named for the ad slots beside it) does not make the article's own <h1> chrome.
    strong = [el for el in h1s if text_of(el) and not in_furniture(el, stop="article")]
    # An <h1> inside the article beats the site logo's <h1> in the page header.
    strong.sort(key=lambda el: not any(a.tag in ("article", "main") for a in ancestors(el)))
    found.extend((el, "heuristic") for el in strong)
    if found:
        return found, False
    for el in root.iter("h2", "h3"):
        if links_to_itself(el, page_url) and text_of(el) and not in_furniture(el) and not in_site_chrome(el):
            return [(el, "heuristic")], False
    # No headline <h1> outside the chrome: it sits in the article's own <header>, is a breadcrumb item, or is
    # missing; then the heading of the article's head is the one readers see.
    for el in [*h1s, *root.iter("h2")]:
        if (
            (el.tag == "h1" or (el.get("itemprop") or "").lower() == "headline" or _in_article_head(el))
            and text_of(el)
            and not in_site_chrome(el)
            and not is_crumb(el)
        ):
            return [(el, "heuristic")], True
    return [], False


def kicker_parts(el) -> tuple[str, str] | None:
    """(kicker, headline proper) when a heading is a short label element followed by the headline text, else None."""
    while len(el) == 1 and not (el.text or "").strip() and not (el[0].tail or "").strip():
        el = el[0]  # descend through single wrappers (<h2><a><span>kicker</span><span>title</span></a></h2>)
    runs = [el.text] if (el.text or "").strip() else []
    for child in el:
        if isinstance(child.tag, str) and child.tag not in ("br", "script", "style"):
            runs.append(" ".join(child.itertext()))
        if (child.tail or "").strip():
            runs.append(child.tail)
    runs = [clean_line(run) for run in runs if clean_line(run)]
    if len(runs) < 2:
        return None
    kicker, proper = _KICKER_END.sub("", runs[0]), _LEADING_SEPARATOR.sub("", clean_line(" ".join(runs[1:])))
    if not kicker or len(kicker) > 80 or len(kicker) >= len(proper):
        return None
    return kicker, proper


def _with_prefix(value: str, text: str) -> bool:
    """Whether `value` is `text` with a label in front: "Kicker: text", "Kicker – text"."""
    a, b = norm(value), norm(text)
    if not b or len(a) <= len(b) or not a.endswith(b):
        return False
    return bool(_SEPARATOR_END.search(a[: len(a) - len(b)].rstrip()))


def _arbitrate_kicker(el, declared_titles):
    """The headline when the page's heading and a declared title differ by a kicker, or None.

    A kicker (Dachzeile, overline) is a label, not part of the headline, unless the publisher's own
    declared title carries it: the declared title decides which of the shown parts form the headline.
    """
    text, spaced = clean_line(text_of(el)), _spaced_text(el)
    kicker, proper = kicker_parts(el) or ("", "")
    for value, source in declared_titles:
        if norm(value) == norm(text):
            return None  # the heading is confirmed as it stands
        if norm(value) == norm(spaced):
            return value, source  # the declared spelling of runs the page shows as separate blocks
        if kicker:
            if headline_words(value) == headline_words(proper):
                return proper, "heuristic"
            if headline_words(value) == headline_words(spaced) and norm(value) != norm(spaced):
                return value, source  # the declared spelling joins kicker and headline with punctuation
            if _with_prefix(value, proper):
                label = _KICKER_END.sub("", value[: len(value) - len(proper)].rstrip())
                if headline_words(label) == headline_words(kicker):
                    return value, source  # the page's kicker, joined with the declared punctuation
                return proper, "heuristic"  # another kicker in front of the same headline
        elif _with_prefix(value, text):
            return value, source  # the kicker sits outside the heading element
    return None


_OPENING_QUOTE = re.compile(r"^([\"'«»„“”‘’‚‹›「『])(.+?)([\"'«»“”‘’‹›」』])(?=\W)")


def _without_opening_quotes(text, declared, site_names):
    """A declared title that is the heading without the quotation marks around its opening phrase, or None.

    Pages often set a headline's opening phrase in quotation marks for display ("Why fight?"... says X), while
    one of the titles the publisher declares gives the same words bare. Both name one headline; as where only
    a kicker's punctuation differs, the declared plain form is the cleaner text to keep. Without this, another
    declared title that copies the marks confirms the heading first and the plain form is never looked at.
    """
    match = _OPENING_QUOTE.match(text)
    if not match:
        return None
    bare = norm(match.group(2) + text[match.end() :])
    for value, source in declared:
        value = strip_site_name(value, site_names, guess=True)
        if norm(value) == bare:
            return value, source
    return None


def headline(root, record, rules, site_names, page_url: str = ""):
    """(headline, source): the on-page headline when it is the declared one, else the declared one, else h1/title.

    `page_url` tells the site's logo (an <h1> linking home: its text is a site name, never the headline) and a
    post title linked as its own permalink."""
    declared = [(clean_line(v), s) for v, s in record.get("headline") if clean_line(v)]
    logos = [el for el in root.iter("h1") if links_home(el, page_url)]
    site_names = [*site_names, *(clean_line(text_of(el)) for el in logos)]
    headings, weak = _headings(root, rules, page_url, logos)
    if headings:
        found = _arbitrate_kicker(headings[0][0], _social_titles_first(declared, site_names))
        if found:
            return found
    on_page = [(clean_line(text_of(el)), _spaced_text(el), source) for el, source in headings]
    on_page = [item for item in on_page if item[0]]
    if weak:
        # A weak heading counts only when declarations confirm it; unconfirmed, it is not even the fallback.
        found = _confirmed_header_heading(on_page, headings[0][0].tag, declared, site_names)
        return found or _declared_or_title(root, declared, [], site_names)
    found = _first_confirmed_heading(on_page, declared, site_names) or _shown_headline(on_page, declared, site_names)
    return found or _declared_or_title(root, declared, on_page, site_names)


def _social_titles_first(declared, site_names):
    """The declared titles, site names guessed off, the first two social titles (og:, twitter:) in front.

    They are the publisher's display title, which a kicker is weighed against; JSON-LD often gives the SEO one.
    """
    titles = [(strip_site_name(v, site_names, guess=True), s) for v, s in declared]
    return [t for t in titles if t[1] == "meta"][:2] + [t for t in titles if t[1] != "meta"]


def _confirmed_header_heading(on_page, tag, declared, site_names):
    """(text, source) for the heading of the article's own header when independent declarations confirm it, or None.

    Independent means kinds of declaration (meta, microdata, JSON-LD): for an <h1> one kind alone does not
    outweigh the JSON-LD headline.
    """
    text, spaced, source = on_page[0] if on_page else ("", "", None)
    first_meta = next((i for i, (_, kind) in enumerate(declared) if kind == "meta"), None)
    # Only the first social title (og:title) speaks for "meta": later ones (twitter:, dc.) are variants.
    counted = [item for i, item in enumerate(declared) if item[1] != "meta" or i == first_meta]
    kinds = {
        kind
        for value, kind in counted
        if headline_matches(text, value, site_names) or headline_matches(spaced, value, site_names)
    }
    # An <h2> standing in for a breadcrumb (or missing) <h1> is what readers see as the headline: the social
    # title alone confirms it. An <h1> in the article header needs two kinds to outweigh the JSON-LD.
    needed = 1 if tag == "h2" else 2
    if len(kinds) >= needed:
        return text, "microdata" if "microdata" in kinds else sorted(kinds)[0]
    return None


def _first_confirmed_heading(on_page, declared, site_names):
    """(text, source) for the first heading a declared title confirms, or None (later <h1>s are often subtitles)."""
    for text, spaced, _ in on_page:
        for value, source in declared:
            if headline_matches(text, value, site_names) or headline_matches(spaced, value, site_names):
                return _without_opening_quotes(text, declared, site_names) or (text, source)
    return None


def _shown_headline(on_page, declared, site_names):
    """(headline, source) when one of the first two headings is a variant of a declared title, or None.

    The headline the page shows beats a reworded declared one (SEO titles differ from what readers see);
    when only punctuation differs (a kicker in its own <span>), the declared spelling is the cleaner one.
    """
    for text, spaced, _ in on_page[:2]:
        words = headline_words(spaced)
        variants = [
            (strip_site_name(value, site_names, guess=guess), source)
            for value, source in declared
            for guess in (False, True)
        ]
        for variant, source in variants:
            if words == headline_words(variant):
                # The same characters but for typography (an en dash, typographic quotes that the declared copy
                # flattened to ASCII): the heading is the publisher's spelling as readers see it. Otherwise the
                # declared one is the cleaner (a kicker in its own block, its punctuation only declared).
                return (text, "heuristic") if _typeset(text) == _typeset(variant) else (variant, source)
        if any(similar_headline(spaced, variant) for variant, _ in variants):
            return text, "heuristic"
    return None


def _declared_or_title(root, declared, on_page, site_names):
    """(headline, source) when no heading is confirmed: the first declared title, else the first heading, else
    the <title>; (None, None) for a page without any."""
    if declared:
        return strip_site_name(declared[0][0], site_names), declared[0][1]
    if on_page:
        return on_page[0][0], on_page[0][2]
    title = root.find(".//title")
    if title is not None and text_of(title):
        return strip_site_name(text_of(title), site_names, guess=True), "heuristic"
    return None, None
