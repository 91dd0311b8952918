"""Cut reading suggestions out of body containers: what a teaser heading ("More from …") opens, and link lists."""

from __future__ import annotations

import re

from newsarchive.extract.boilerplate.junk import drop
from newsarchive.extract.document.tree import squash, text_of

# Headings that announce other articles, in the languages we meet most. Generic words only: a heading
# naming the site ("More TechCrunch") is caught by "more" and one capitalised word.
_TEASER = re.compile(
    r"^(?:"
    r"more (?:from|on|in|about|stories|news|articles|coverage|reading|to read|to explore|like this|videos|"
    r"headlines)\b|more (?-i:[A-Z])[\w.'’-]*$|"
    r"related(?: articles| stories| content| coverage| news| topics| reading)?$|"
    r"you (?:may|might) also (?:like|enjoy|be interested)|recommended(?: for you| stories| reading)?$|"
    r"(?:read|what to read) next$|further reading|also read|see also|most (?:read|popular)|top stories|"
    r"mehr (?:zum|zur|zu|aus|von|vom|über|artikel|nachrichten|news|themen|beiträge|videos)\b|"
    r"weitere (?:informationen|artikel|nachrichten|news|themen|beiträge|meldungen|links|videos)\b|"
    r"das könnte (?:sie|dich) (?:auch )?interessieren|(?:lesen sie|lies) (?:auch|mehr|weiter)|"
    r"verwandte (?:artikel|themen)|meistgelesen|"
    r"(?:à )?lire aussi|sur le même sujet|voir aussi|nos articles|plus d[’']articles|articles (?:liés|similaires)|"
    r"(?:lee|lea|leer) también|(?:también )?te puede interesar|noticias relacionadas|más noticias|"
    r"leggi anche|(?:ti )?potrebbe interessarti|articoli correlati|altre notizie|"
    r"leia também|veja também|notícias relacionadas|lees ook|meer nieuws|"
    r"läs också|les også|læs også|czytaj (?:także|też)|zobacz (?:także|też)|čtěte také|související články|"
    r"関連記事|関連ニュース|あわせて読みたい|こちらもおすすめ|おすすめ記事"
    r")",
    re.I,
)
_HEADINGS = frozenset("h2 h3 h4 h5 h6".split())
_HEADING_CLASS = re.compile(r"head|title", re.I)
_MAX_LEN = 60
# A list is reading suggestions, not the article's own enumeration, when half its text is link text.
_LINK_LIST = 0.5


def is_teaser_heading(text: str) -> bool:
    """Whether a heading's text announces a list of other articles rather than a part of this one."""
    text = text.strip(" :：»›>")
    return 0 < len(text) <= _MAX_LEN and bool(_TEASER.match(text))


def _heading_like(el) -> bool:
    if el.tag in _HEADINGS or (el.get("role") or "") == "heading":
        return True
    return el.tag in ("div", "span", "p", "strong") and bool(_HEADING_CLASS.search(el.get("class") or ""))


def cut_teasers(containers: list) -> list:
    """`containers` without the teaser blocks and link lists in them (mutated in place) and without those
    a teaser heading among them announces.

    A teaser heading that opens a box of its own (the outermost ancestor that starts with it) takes that
    box: such boxes also stand between paragraphs of the article. A bare heading takes everything after
    it on its level: the cards it announces follow it as siblings, at the end of the article, often with
    no <article> markup that would give them away.
    """
    for index, container in enumerate(containers):
        if _heading_like(container) and is_teaser_heading(text_of(container)):
            return containers[:index]  # a bare heading among the containers: the rest is what it announces
        headings = [
            el
            for el in container.iter()
            if isinstance(el.tag, str) and el is not container and _heading_like(el) and is_teaser_heading(text_of(el))
        ]
        for heading in headings:
            if heading.getparent() is None or not any(a is container for a in heading.iterancestors()):
                continue  # already gone with an earlier teaser block
            block, label = heading, text_of(heading)
            while (
                block.getparent() is not None
                and block.getparent() is not container
                and squash("".join(block.getparent().itertext())).startswith(label)
            ):
                block = block.getparent()
            if block is heading:
                for sibling in list(heading.itersiblings()):
                    drop(sibling)
            drop(block)
        for items in [el for el in container.iter("ul", "ol") if el is not container]:
            if items.getparent() is not None and _is_link_list(items):
                drop(items)
    return containers


def _is_link_list(items) -> bool:
    text = text_of(items)
    links = sum(len(text_of(a)) for a in items.iter("a"))
    return bool(text) and links >= _LINK_LIST * len(text)
