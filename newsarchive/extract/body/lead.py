"""Find an article's lead (standfirst) next to its headline, for when it sits outside the body container."""

from __future__ import annotations

import re

from newsarchive.extract.boilerplate.bodylines import is_appeal
from newsarchive.extract.boilerplate.chrome import is_crumb
from newsarchive.extract.document.tree import squash, text_of, tokens

LEAD_WORDS = frozenset(
    "lead leadtext intro introduction standfirst summary excerpt teaser description abstract deck dek "
    "subtitle subheadline subline sapo chapo chapeau entradilla summary preamble ingress lede vorspann perex "
    "epigraph".split()
)
# Captions and media credits also call themselves "description".
_NOT_LEAD_WORDS = frozenset(
    "caption captions credit credits image img photo picture media figure video gallery".split()
)
_MEDIA_TAGS = frozenset("figure img picture video".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_LOOKAHEAD = 40
# Embedded media and scripts carry no text: a picture with a dozen <source>s is one step of the look-ahead.
_UNCOUNTED = frozenset("source img picture svg path g use circle rect polygon script style noscript track".split())
_LINK_SHARE = 0.3
_MIN, _MAX = 40, 700
# An unnamed standfirst must be a sentence of some length: shorter lines in a header are kickers and bylines.
_PLAIN_MIN = 80
_SENTENCE_END = (".", "!", "?", "…", '"', "”", "»", "«")
# A shown heading and the headline match in part when one holds the other and is at least this long.
_PART_MIN, _PART_SHARE = 12, 0.4
_PUNCTUATION = re.compile(r"[^\w\s]+")
_WORD_SHARE = 0.75


def headline_element(body, headline: str):
    """The <h1>/<h2> whose text is the headline, or None.

    Failing that, the <h1> that holds the headline with a kicker ("Kultur : Headline") or is held by it
    (the headline was put together from a kicker and the shown heading). A breadcrumb item that repeats
    the headline is taken last: the heading readers see, with the lead after it, is in the article's head,
    often an <h2> that differs from the headline by a kicker or a few words.
    """
    if not headline:
        return None
    crumb = None
    for el in body.iter("h1", "h2"):
        if squash(text_of(el)) == headline or squash(" ".join(el.itertext())) == headline:
            if not is_crumb(el):
                return el
            crumb = el if crumb is None else crumb
    wanted = _comparable(headline)
    for el in body.iter("h1", "h2"):
        if el.tag == "h2" and crumb is None:
            continue  # past a breadcrumb <h1>, the article's <h2> is its heading; otherwise more often a teaser's
        shown = _comparable(" ".join(el.itertext()))
        shorter, longer = sorted((shown, wanted), key=len)
        held = len(shorter) >= _PART_MIN and len(shorter) >= _PART_SHARE * len(longer) and shorter in longer
        if held or (crumb is not None and _same_words(shown, wanted)):
            if not is_crumb(el):
                return el
            crumb = el if crumb is None else crumb
    return crumb if crumb is not None else _lower_heading(body, headline)


def _lower_heading(body, headline: str):
    # Older and plainer templates set the headline in a lower heading (a CMS's news <h3 itemprop=headline>):
    # only its exact text marks it, as a lower heading is more often a teaser's.
    for el in body.iter("h3", "h4"):
        if squash(text_of(el)) == headline and not is_crumb(el):
            return el
    return None


def article_heading(body, headline: str, titles=()):
    """The heading showing the headline or, failing that, another of the page's declared titles.

    A page may show another title than the one chosen as headline (an SEO title in JSON-LD, the display
    title in the heading): that heading still marks where the article and its lead start.
    """
    heading = headline_element(body, headline)
    for title in titles:
        if heading is not None:
            break
        heading = headline_element(body, title)
    return heading


def _comparable(text: str) -> str:
    # Soft hyphens and word joiners are invisible; they must not split a match. Punctuation differs between
    # a headline and its shown heading ("Kicker: Title" shown as kicker and title on two lines).
    return squash(_PUNCTUATION.sub(" ", text.replace("\xad", "").replace("\u2060", ""))).casefold()


def _same_words(shown: str, wanted: str) -> bool:
    # A shown heading reworded a little from the declared one ("Diese zwei Grafiken ..." for "BIP: Diese
    # Grafiken ..."): most words of each are in the other.
    a, b = set(shown.split()), set(wanted.split())
    return len(a) >= 4 and len(b) >= 4 and len(a & b) >= _WORD_SHARE * max(len(a), len(b))


def _media_around(el, shared) -> bool:
    # A lead is plain text, not inside a link or media block. Only the blocks between it and the
    # headline's container count: a page or header whose class mentions media ("has-medium-media",
    # "video-player-container") wraps the headline too.
    for a in el.iterancestors():
        if a is shared:
            break
        if a.tag in ("figure", "a") or tokens(a) & _NOT_LEAD_WORDS:
            return True
    return False


def _linked(heading) -> bool:
    return heading.find(".//a") is not None or any(a.tag == "a" for a in heading.iterancestors())


def _is_media(el) -> bool:
    return el.tag in _MEDIA_TAGS or bool(tokens(el) & _NOT_LEAD_WORDS)


def _text_without_media(el) -> str:
    # A standfirst may be followed by its video or picture inside the same block: their captions are not the
    # lead. A block that opens with a picture is a teaser card for another story ("" then).
    for node in el.iter():
        if node is not el and isinstance(node.tag, str) and _is_media(node):
            return ""
        if (node.text or "").strip():
            break
    parts = []

    def walk(node):
        parts.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str) and not _is_media(child):
                walk(child)
            parts.append(child.tail or "")

    walk(el)
    return squash("".join(parts))


def _article_props(el) -> frozenset[str]:
    """The microdata properties of `el` when they describe the article (a shown description or abstract names a
    standfirst as well as a class would); an author's description (a Person's) is not the article's."""
    props = el.get("itemprop")
    if not props:
        return frozenset()
    item = next((a for a in el.iterancestors() if a.get("itemscope") is not None), None)
    kind = (item.get("itemtype") or "").lower() if item is not None else ""
    return frozenset(props.lower().split()) if "article" in kind or "posting" in kind else frozenset()


def _lead_text(el, shared) -> str:
    """The text of `el` if it is a lead: named like one and not like media, outside media, prose of a lead's length.

    "" otherwise. `shared` is the headline's container, up to which media around `el` counts.
    """
    words = tokens(el) | _article_props(el)
    if not words & LEAD_WORDS or words & _NOT_LEAD_WORDS or _media_around(el, shared):
        return ""
    text = _text_without_media(el)
    links = sum(len(text_of(a)) for a in el.iter("a"))
    # A lead is prose; a block mostly of link text is a teaser card for another story.
    if _MIN <= len(text) <= _MAX and links < _LINK_SHARE * len(text) and not is_appeal(text):
        return text
    return ""


def _in_header(el) -> bool:
    for a in el.iterancestors():
        if a.tag == "header":
            return True
        if a.tag in ("article", "main", "body"):
            return False
    return False


def _plain_lead(heading) -> str:
    """The unnamed paragraph right after the headline in the article's <header>: the standfirst of plainer templates.

    Only a <p> set directly after the heading counts, and only as a sentence of a lead's length: a byline or a
    dateline there is short and does not end like a sentence.
    """
    if heading is None or not _in_header(heading):
        return ""
    following = heading.getnext()
    while following is not None and not isinstance(following.tag, str):
        following = following.getnext()
    if following is None or following.tag != "p" or tokens(following) & _NOT_LEAD_WORDS:
        return ""
    text = squash(text_of(following))
    links = sum(len(text_of(a)) for a in following.iter("a"))
    if _PLAIN_MIN <= len(text) <= _MAX and text.endswith(_SENTENCE_END) and links < _LINK_SHARE * len(text):
        return "" if is_appeal(text) else text
    return ""


def find_lead(heading) -> str:
    """Text of the first lead-like element (by class words) among the few dozen elements after the headline.

    Looks at the headline's following siblings, then its parent's, up to the enclosing <article>/<main>.
    Failing that, the plain paragraph right after the headline in the article's header (_plain_lead).
    """
    return _named_lead(heading) or _plain_lead(heading)


def _named_lead(heading) -> str:
    seen, current = 0, heading
    while current is not None and current.tag not in ("body", "html"):
        for sibling in current.itersiblings():
            for el in sibling.iter():
                if not isinstance(el.tag, str) or el.tag in _UNCOUNTED:
                    continue
                seen += 1
                if seen > _LOOKAHEAD:
                    return ""
                if el.tag in ("figure", "figcaption"):
                    continue
                if el.tag in _HEADINGS and _linked(el):
                    return ""  # another story's teaser: a lead comes before any such
                text = _lead_text(el, current.getparent())
                if text:
                    return text
        if current.tag in ("article", "main"):
            break
        current = current.getparent()
    return ""
