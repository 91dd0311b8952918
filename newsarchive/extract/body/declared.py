"""Reconcile a publisher's declared articleBody (JSON-LD) with the body lines read from the page."""

from __future__ import annotations

from newsarchive.text.words import contained, shingles

# A page line the declared text does not hold (under this share of its shingles) is not the publisher's body text.
_UNDECLARED = 0.2
# Page lines at least this many words long are paragraphs; shorter ones may be headings the declaration leaves out.
_PARAGRAPH_WORDS = 12


def reconcile(declared: str, page_lines: list[str]) -> list[str] | None:
    """The page's body lines trimmed to what the declared text confirms, or None when the page does not hold it.

    A declared body is often one run of text: it loses the page's paragraphs, subheadings and standfirst, or
    turns punctuation into spaces. When the page's lines hold nearly all of it, they are the better body, less
    what the declaration disowns: lines after its last confirmed line (boxes, credits, app prompts), paragraphs
    it does not contain, and runs of three or more undeclared lines (polls, option lists) inside it. Lines
    above the first confirmed one stay: a standfirst shown above the body belongs to it.
    """
    theirs = shingles(declared)
    # Shingles run across line breaks in both texts: a declaration runs headings into the next paragraph.
    if contained(theirs, shingles("\n".join(page_lines))) < 0.9:
        return None
    share = [contained(shingles(line), theirs) for line in page_lines]
    confirmed = [i for i, value in enumerate(share) if value >= 0.5]
    if not confirmed:
        return None
    first, last = confirmed[0], confirmed[-1]
    keep = [True] * (last + 1)
    run_start = None
    for i in range(first, last + 2):
        undeclared = i <= last and share[i] < _UNDECLARED
        if undeclared and len(page_lines[i].split()) >= _PARAGRAPH_WORDS:
            keep[i] = False
        if undeclared and run_start is None:
            run_start = i
        elif not undeclared and run_start is not None:
            if i - run_start >= 3:
                keep[run_start:i] = [False] * (i - run_start)
            run_start = None
    # `keep` ends at the last confirmed line: zip stops there and so drops the lines after it on purpose.
    return [line for line, kept in zip(page_lines, keep, strict=False) if kept]
