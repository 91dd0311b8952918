"""Find an article's lead (standfirst) next to its headline, for when it sits outside the body container."""

from __future__ import annotations

from newsarchive.extract.tree import squash, text_of, tokens

LEAD_WORDS = frozenset(
    "lead leadtext intro introduction standfirst summary excerpt teaser description abstract deck dek "
    "subtitle subheadline subline sapo chapo entradilla summary".split()
)
# Captions and media credits also call themselves "description".
_NOT_LEAD_WORDS = frozenset("caption captions credit credits image img photo picture media figure video gallery".split())
_LOOKAHEAD = 40
_MIN, _MAX = 40, 700


def headline_element(body, headline: str):
    """The <h1>/<h2> whose text is the headline, or None."""
    if not headline:
        return None
    for el in body.iter("h1", "h2"):
        if squash(text_of(el)) == headline or squash(" ".join(el.itertext())) == headline:
            return el
    return None


def _media_around(el) -> bool:
    # A lead is plain text: not inside a link or media block, and holding no media or captions itself.
    if any(a.tag in ("figure", "a") or tokens(a) & _NOT_LEAD_WORDS for a in el.iterancestors()):
        return True
    return any(d.tag in ("figure", "img", "picture", "video") or tokens(d) & _NOT_LEAD_WORDS
               for d in el.iter() if isinstance(d.tag, str))


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
                if words & LEAD_WORDS and not words & _NOT_LEAD_WORDS and not _media_around(el):
                    text = text_of(el)
                    if _MIN <= len(text) <= _MAX:
                        return text
        if current.tag in ("article", "main"):
            break
        current = current.getparent()
    return ""
