"""Recognise page furniture (navigation, ads, share bars, rankings, related lists...) by tag and class/id words."""

from __future__ import annotations

import re

from lxml import etree

from newsarchive.extract.document.tree import ancestors, text_of, tokens

# Never article text, whatever their class says.
JUNK_TAGS = frozenset(
    "script style noscript iframe nav aside footer template svg canvas button select option textarea input "
    "object embed video audio map figure figcaption picture dialog menu link meta".split()
)

# Class/id words that mark furniture wherever they appear (matched as whole words of the class/id names).
HARD_WORDS = frozenset(
    """share shares sharing sharebar sharetools social socials sns ad ads adv advert adverts advertisement
    advertising adsbygoogle adslot adunit adblock dfp gpt banner banners sponsor sponsored sponsors promo promos
    promotion promoted newsletter newsletters subscribe subscription signup comment comments disqus related
    relatedarticles recommend recommended recommendation recommendations ranking rankings popular mostread
    mostpopular trending breadcrumb breadcrumbs crumbs tagcloud sidebar widget widgets nav navbar navigation
    menu footer masthead cookie cookies consent gdpr modal popup overlay toolbar pagination pager pagenate paging
    outbrain taboola plista ligatus paywall regwall login survey poll feedback rating tooltip dropdown ticker dialog
    newsticker print skip skiplink tweet embed embedded player podcast gallery slideshow carousel signin signup
    register registration subscriber subscribers cta""".split()
)
# Layout words that a content container can carry too ("sidebar-grid__content article__content"): an
# element with them is furniture only if neither it nor anything inside it is named as content.
# "paywall" marks the gated article text itself as often as the subscription prompt over it.
LAYOUT_WORDS = frozenset(
    "sidebar side widget widgets footer masthead toolbar overlay modal popup dialog print carousel paywall".split()
)
# Consent dialogs can hold more text than a short article: their size never protects them.
CONSENT_WORDS = frozenset("cookie cookies consent gdpr onetrust cmp".split())
CONTENT_WORDS = frozenset("article content body story text entry post main articlebody storybody".split())
# Tags that are furniture by default but that some sites wrap their whole article in. A <nav> left unclosed
# swallows the page that follows it (HTML parsers nest the rest inside it), and a <noscript> can hold the
# article itself for readers without scripts (blogs rendering the text from a script template): either is
# kept when it holds most of the page's text.
STRUCTURAL_TAGS = frozenset("aside header footer form figure section nav noscript".split())
# Words that mark small furniture (bylines, dates, captions); an element with much text is kept despite them.
SOFT_WORDS = frozenset(
    """author authors byline bylines meta metadata date dateline time timestamp published pubdate caption captions
    credit credits copyright tag tags keywords topics label hidden icon sr visually photo image img source
    info infobox""".split()
)
SOFT_LIMIT = 250
# Words that mark lists of other articles that are never the publisher's related reading.
RANKING_WORDS = frozenset(
    "ranking rankings popular mostread mostpopular most trending ad ads sponsor sponsored promo pr "
    "advertisement outbrain taboola plista ligatus".split()
)
# The elements _is_junk_tag can say yes to: these tags, or any tag with a role.
_TAG_CANDIDATES = JUNK_TAGS | {"form", "header"}
INLINE_TAGS = frozenset("a span b strong em i u small abbr sup sub mark cite q time font".split())
RUNNING_TEXT = frozenset("p li blockquote dd".split())
ROLES = frozenset("navigation banner contentinfo complementary menu menubar search dialog alert".split())
# An inline style that hides the element from every reader: data stores, templates, closed dialogs.
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)


def is_junk(el) -> bool:
    """Whether an element is furniture by its tag, ARIA role, or class/id words (soft ones only when small)."""
    if _is_junk_tag(el):
        return True
    if el.tag in INLINE_TAGS and any(a.tag in RUNNING_TEXT for a in ancestors(el)):
        # A linked word in a sentence ("a tag-link") is part of the sentence; a hover card on a name (a picture
        # and links to other stories, shown on mouse-over) is not.
        return _is_hover_card(el)
    if _is_person_box(el):
        return True
    words = tokens(el)
    if not words:
        return False
    if el.tag in ("blockquote", "tr"):
        # A quotation in the text, a row of a table: their class names what they hold ("twitter-tweet", a
        # standings row "player-2020"), not furniture; a whole table can still be.
        return False
    hard = words & HARD_WORDS
    if hard - LAYOUT_WORDS or {"sign", "in"} <= words:
        return True
    if hard:
        if hard == {"paywall"} and el.tag in RUNNING_TEXT:
            return False  # a gated paragraph of the article ("<p class=paywall>")
        return _layout_without_content(el)
    return bool(_soft_words(words)) and _visible_len(el) < SOFT_LIMIT


def _soft_words(words: frozenset[str]) -> frozenset[str]:
    soft = words & SOFT_WORDS
    if "hidden" in soft and "label" in words:
        soft = soft - {"hidden", "label"}  # "field--label-hidden" (Drupal): the field's label is hidden, not the field
    return soft


def _is_hover_card(el) -> bool:
    # The innermost <span> with a picture and two links or more: the span around it also holds the name itself.
    return el.tag == "span" and _card_like(el) and not any(_card_like(d) for d in el.iter("span") if d is not el)


def _card_like(el) -> bool:
    return el.find(".//img") is not None and sum(1 for _ in el.iter("a")) >= 2


def _layout_without_content(el) -> bool:
    """Whether an element named with a layout word ("sidebar", "footer") is that furniture, not the article's frame.

    An id that is the layout word itself (id="sidebar") names that one block of the page. Otherwise the element
    is the article's frame when it is named as content too, or when a part of it named as content holds at
    least half its text: teaser cards in a sidebar are "row-content" and "card-content" as well.
    """
    if (el.get("id") or "").strip().lower() in LAYOUT_WORDS:
        return True
    if tokens(el) & CONTENT_WORDS:
        return False
    size = _visible_len(el)
    return not any(
        tokens(d) & CONTENT_WORDS and 2 * _visible_len(d) >= size for d in el.iter(etree.Element) if d is not el
    )


def _is_person_box(el) -> bool:
    # A block marked up as a schema.org Person (name, job title, bio) is an author or "people" box;
    # a person named inside a sentence is inline and stays.
    itemtype = el.get("itemtype")
    return (
        bool(itemtype)
        and itemtype.rstrip("/").endswith("/Person")
        and el.tag not in INLINE_TAGS
        and el.tag not in RUNNING_TEXT
        and _visible_len(el) < 2 * SOFT_LIMIT
    )


def drop(el) -> None:
    """Remove an element but keep its tail text (the text after it belongs to its parent)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _visible_len(el) -> int:
    return _visible("".join(el.itertext()))


def _visible(text: str) -> int:
    # Characters other than whitespace: as good as squashed text for comparing shares, and much cheaper.
    return len(text) - text.count(" ") - text.count("\n") - text.count("\t")


def prose_chars(el) -> int:
    """Characters of text under `el` that is not link text: what protects the article from removal."""
    # All links' text in one join (a link inside a link counts twice, as when measured one by one).
    return _visible_len(el) - _visible("".join([t for a in el.iter("a") for t in a.itertext()]))


def _is_hidden(el) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN_STYLE.search(el.get("style") or ""))


def _is_junk_tag(el) -> bool:
    tag = el.tag
    if tag in JUNK_TAGS or (el.get("role") or "").lower() in ROLES:
        return True
    if _is_hidden(el):
        return True
    if tag == "form":  # ASP.NET pages wrap the whole page in one <form>; only small forms are furniture
        return len(text_of(el)) < 1000
    if tag == "header":  # the page's header; an article's own <header> may hold its lead
        return not any(a.tag in ("article", "main") for a in ancestors(el))
    return False


def _left_after_drop(root, el, left: int, share: int) -> int | None:
    """The page's non-link text once `el` (holding `share` of it) is dropped, or None to re-measure.

    Dropping an element takes exactly its share out of the page (its tail stays), unless it already
    left with an element around it, or sits in a link, whose text counts against the page as well.
    """
    in_link = False
    for node in ancestors(el):
        if node is root:
            return None if in_link else left - share
        in_link = in_link or node.tag == "a"
    return left  # not under root any more


def remove_junk(root, keep=(), extra=()) -> None:
    """Drop furniture under `root` (and the `extra` elements), never `keep` or an element around it.

    Tags go first. Then class words: a word can sit on the article's own container ("l-wrapper gate-ad",
    "main has-sidebar"), so an element holding over half of the page's non-link text survives its name.
    """
    protected = set(keep)
    for el in keep:
        protected.update(ancestors(el))
    structural = _drop_junk_tags(root, protected)
    total = _drop_structural(root, structural)
    dropped = _drop_named_junk(root, protected, total)
    for el in extra:
        if el in protected or el is root or any(a in dropped for a in ancestors(el)):
            continue
        if _holds_the_article(el, total):
            continue
        dropped.add(el)
        drop(el)


def _drop_junk_tags(root, protected: set) -> list:
    """Drop what is furniture by its tag alone; return the structural, role and hidden elements left to judge.

    Those are judged by _drop_structural, once scripts and styles (dropped here) no longer count as text.
    """
    structural = []
    # A cheap look at tag and attributes first: only these can be furniture by tag, role or hiding.
    candidates = [
        el
        for el in root.iter(etree.Element)
        if (
            el.tag in _TAG_CANDIDATES
            or el.get("role") is not None
            or el.get("hidden") is not None
            or el.get("style") is not None
        )
        and el is not root
        and _is_junk_tag(el)
    ]
    for el in candidates:
        if el in protected:
            continue
        if el.tag in STRUCTURAL_TAGS or (el.get("role") or "").lower() in ROLES or _is_hidden(el):
            # A hidden block holding most of the page is the article that a script reveals, not a data store.
            structural.append(el)
        else:
            drop(el)
    return structural


def _drop_structural(root, structural: list) -> int:
    """Drop the `structural` elements that hold at most half of the page's non-link text; return what is left.

    The text left is counted down drop by drop where that is exact (see _left_after_drop), else measured again.
    """
    total = prose_chars(root)
    left: int | None = total
    for el in structural:
        share = prose_chars(el) if total else 0
        if total and share > 0.5 * total or el.getparent() is None:
            continue
        if left is not None:
            left = _left_after_drop(root, el, left, share)
        drop(el)
    return left if left is not None and total else prose_chars(root)


def _drop_named_junk(root, protected: set, total: int) -> set:
    """Drop the elements is_junk names furniture, unless they hold the article; return the dropped ones."""
    # In document order, skipping what a dropped element held: whether an element is furniture depends
    # only on itself, what it holds and what holds it, none of which an earlier drop changes.
    elements = list(root.iter(etree.Element))
    dropped = set()
    index = 1  # elements[0] is root
    while index < len(elements):
        el = elements[index]
        index += 1
        if el in protected or not is_junk(el):
            continue
        if _holds_the_article(el, total):
            continue
        dropped.add(el)
        index += sum(1 for _ in el.iter(etree.Element)) - 1
        drop(el)
    return dropped


def _holds_the_article(el, total: int) -> bool:
    # Over half of the page's non-link text is the article, whatever the element's name; a consent dialog
    # can hold more text than a short article, so its size never protects it.
    return bool(total) and prose_chars(el) > 0.5 * total and not tokens(el) & CONSENT_WORDS


def in_furniture(el, stop: str | None = None) -> bool:
    """Whether an element sits inside navigation, a header/footer, or a ranking/ad block (looking no higher
    than its nearest `stop` element, when given)."""
    for node in (el, *ancestors(el)):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("nav", "header", "footer") or (node.get("role") or "").lower() in ("navigation", "banner", "menu"):
            return True
        words = tokens(node)
        if words & RANKING_WORDS or words & {"nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs"}:
            return True
        if tag == stop:
            break
    return False
