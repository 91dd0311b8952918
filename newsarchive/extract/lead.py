"""Find an article's lead (standfirst) next to its headline, for when it sits outside the body container."""

from __future__ import annotations

from newsarchive.extract.tree import squash, text_of, tokens

LEAD_WORDS = frozenset(
    "lead leadtext intro introduction standfirst summary excerpt teaser description abstract deck dek "
    "subtitle subheadline subline sapo chapo chapeau entradilla summary preamble ingress lede vorspann perex "
    "epigraph".split()
)
# Captions and media credits also call themselves "description".
_NOT_LEAD_WORDS = frozenset("caption captions credit credits image img photo picture media figure video gallery".split())
_MEDIA_TAGS = frozenset("figure img picture video".split())
_LOOKAHEAD = 40
_LINK_SHARE = 0.3
_MIN, _MAX = 40, 700
# A shown heading and the headline match in part when one holds the other and is at least this long.
_PART_MIN, _PART_SHARE = 12, 0.4


def headline_element(body, headline: str):
    """The <h1>/<h2> whose text is the headline, or None.

    Failing that, the <h1> that holds the headline with a kicker ("Kultur : Headline") or is held by it
    (the headline was put together from a kicker and the shown heading).
    """
    if not headline:
        return None
    for el in body.iter("h1", "h2"):
        if squash(text_of(el)) == headline or squash(" ".join(el.itertext())) == headline:
            return el
    wanted = _comparable(headline)
    for el in body.iter("h1"):
        shown = _comparable(" ".join(el.itertext()))
        shorter, longer = sorted((shown, wanted), key=len)
        if len(shorter) >= _PART_MIN and len(shorter) >= _PART_SHARE * len(longer) and shorter in longer:
            return el
    return None


def _comparable(text: str) -> str:
    # Soft hyphens and word joiners are invisible; they must not split a match.
    return squash(text.replace("\xad", "").replace("\u2060", "")).casefold()


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


def find_lead(heading) -> str:
    """Text of the first lead-like element (by class words) among the few dozen elements after the headline.

    Looks at the headline's following siblings, then its parent's, up to the enclosing <article>/<main>.
    """
    seen, current = 0, heading
    while current is not None and current.tag not in ("body", "html"):
        for sibling in current.itersiblings():
            for el in sibling.iter():
                seen += 1
                if seen > _LOOKAHEAD:
                    return ""
                if not isinstance(el.tag, str) or el.tag in ("figure", "figcaption"):
                    continue
                words = tokens(el)
                if words & LEAD_WORDS and not words & _NOT_LEAD_WORDS and not _media_around(el, current.getparent()):
                    text = _text_without_media(el)
                    links = sum(len(text_of(a)) for a in el.iter("a"))
                    # A lead is prose; a block mostly of link text is a teaser card for another story.
                    if _MIN <= len(text) <= _MAX and links < _LINK_SHARE * len(text):
                        return text
        if current.tag in ("article", "main"):
            break
        current = current.getparent()
    return ""
