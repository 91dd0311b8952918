"""Pure functions for Japanese-aware full-text search: text segmentation, query parsing, FTS5 queries, snippets.

SQLite's unicode61 tokenizer cannot split Japanese into words, and the trigram tokenizer misses words of
one and two characters, so the archive indexes text segmented here: after NFKC + casefold, each run of
CJK characters becomes its overlapping bigrams followed by the run's last character alone
(東京都 -> "東京 京都 都"); other text becomes its words. A query term is segmented the same way:
one CJK character -> prefix query on the tokens that start with it; two -> the bigram; more -> the
phrase of its consecutive bigrams.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from operator import add

from .errors import SearchQueryError

# Names the segmentation below. Change it whenever segment() changes: archives whose index was built
# another way are then rebuilt (the contentless index can only drop tokens it is told exactly).
SEGMENTATION = "cjk-bigram-1"

# Kanji (incl. 々〆〇 and the supplementary planes), hiragana, katakana (incl. ー, without the ・ separator).
_CJK = (
    "\u3005-\u3007\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
)
# A CJK run (group 1) or a word of letters and digits (unicode61 also splits words on "_").
_RUN = re.compile(f"([{_CJK}]+)|[^\\W_{_CJK}]+")
_WORD_CHAR = f"[^\\W_{_CJK}]"

# Quoted phrase (possibly unclosed) or bare word, each with an optional leading "-".
_LEXEME = re.compile(r'(-?)"([^"]*)("?)|(-?)([^\s"]+)')


def normalise(text: str) -> str:
    """The text as the index sees it: NFKC (full-width Latin, half-width kana folded) and casefolded."""
    return unicodedata.normalize("NFKC", text).casefold()


def segment(text: str) -> str:
    """The text as space-separated index tokens: words, and CJK runs as bigrams plus their last character."""
    tokens: list[str] = []
    for match in _RUN.finditer(normalise(text)):
        run = match.group(1)
        if run is None:
            tokens.append(match.group())
        else:
            tokens.extend(map(add, run, run[1:]))
            tokens.append(run[-1])
    return " ".join(tokens)


@dataclass(frozen=True)
class Term:
    """One search term or quoted phrase: what the user typed and its normalised runs (is_cjk, text)."""

    text: str
    runs: tuple[tuple[bool, str], ...]


@dataclass(frozen=True)
class Query:
    """A parsed query: every group must match (a group matches when any of its terms does), no excluded may."""

    groups: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...]

    @property
    def terms(self) -> list[Term]:
        """The terms that must or may match, in query order (what a snippet looks for)."""
        return [term for group in self.groups for term in group]


def make_term(text: str) -> Term | None:
    """A Term for `text`, or None when it has no letters, digits or CJK characters to search for."""
    runs = tuple((m.group(1) is not None, m.group()) for m in _RUN.finditer(normalise(text)))
    return Term(text, runs) if runs else None


def parse_query(query: str) -> Query:
    """Parse user input: words and "quoted phrases" are ANDed, OR joins its neighbours, a leading - excludes.

    Raises SearchQueryError for an unbalanced quote, an empty query, one made only of operators or
    exclusions, and OR without a term on each side.
    """
    if not query or not query.strip():
        raise SearchQueryError("empty search: give at least one word")
    shown = " ".join(query.split())  # the query as messages quote it, on one line
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    pending_or = False
    previous = ""  # "term", "excluded" or "or"
    for match in _LEXEME.finditer(query):
        if match.group(2) is not None:
            if not match.group(3):
                raise SearchQueryError(f"unbalanced quote in search: {shown}")
            negated, text, quoted = bool(match.group(1)), match.group(2), True
        else:
            negated, text, quoted = bool(match.group(4)), match.group(5), False
        if text == "OR" and not quoted and not negated:
            if previous == "excluded":
                raise SearchQueryError("OR cannot join an excluded (-) term")
            if previous != "term":
                raise SearchQueryError("OR needs a search term on each side")
            pending_or, previous = True, "or"
            continue
        term = make_term(text)
        if negated:
            if pending_or:
                raise SearchQueryError("OR cannot join an excluded (-) term")
            if term is not None:
                excluded.append(term)
            previous = "excluded"
            continue
        if term is not None:
            if pending_or:
                groups[-1].append(term)
            else:
                groups.append([term])
        pending_or, previous = False, "term"
    if pending_or:
        raise SearchQueryError("OR needs a search term on each side")
    if not groups:
        if excluded:
            raise SearchQueryError("a search needs at least one term that is not excluded with -")
        raise SearchQueryError(f"nothing to search for in: {shown}")
    return Query(tuple(tuple(group) for group in groups), tuple(excluded))


def _fts_phrase(term: Term) -> str:
    """One term as an FTS5 phrase string; user text only ever appears inside double quotes."""
    tokens: list[str] = []
    prefix = False
    last = len(term.runs) - 1
    for index, (cjk, run) in enumerate(term.runs):
        if not cjk:
            tokens.append(run)
            continue
        grams = list(map(add, run, run[1:]))
        if index < last:
            # The text's run ends here too, and the index holds its last character as a token of its own.
            grams.append(run[-1])
        elif not grams:
            # A lone character at the end may be the start of a longer run in the text: prefix-match it.
            grams, prefix = [run], True
        tokens.extend(grams)
    phrase = '"' + " ".join(tokens).replace('"', '""') + '"'
    return phrase + "*" if prefix else phrase


def to_fts(query: Query) -> str:
    """The FTS5 MATCH expression for a parsed query."""
    groups = []
    for group in query.groups:
        phrases = [_fts_phrase(term) for term in group]
        groups.append(phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")")
    expression = " AND ".join(groups)
    if query.excluded:
        expression = "(" + expression + ")" + "".join(
            " NOT " + _fts_phrase(term) for term in query.excluded
        )
    return expression


def _term_pattern(term: Term) -> str:
    """A regex finding the term in normalised text, with word boundaries where the term starts/ends a word."""
    pattern = r"[\W_]*".join(re.escape(run) for _cjk, run in term.runs)
    if not term.runs[0][0]:
        pattern = f"(?<!{_WORD_CHAR})" + pattern
    if not term.runs[-1][0]:
        pattern += f"(?!{_WORD_CHAR})"
    return pattern


def _normalised_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """The normalised text and, where lengths differ, the original offset of each normalised character."""
    normalised = normalise(text)
    if len(normalised) == len(text):
        return normalised, None
    parts: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        folded = normalise(char)
        parts.append(folded)
        offsets.extend([index] * len(folded))
    return "".join(parts), offsets


def _in_word(char: str) -> bool:
    return char.isascii() and char.isalnum()


def snippet(body: str, terms: list[Term], width: int = 160) -> str:
    """About `width` characters of `body` around the first place a term occurs (the start when none does)."""
    start = 0
    if terms and body:
        normalised, offsets = _normalised_with_offsets(body)
        pattern = re.compile("|".join(f"(?:{_term_pattern(term)})" for term in terms))
        found = pattern.search(normalised)
        if found:
            hit = found.start() if offsets is None else offsets[found.start()]
            start = max(0, hit - width // 4)
    end = min(len(body), start + width)
    # Do not open or close on half a word of a language written with spaces.
    if start > 0 and _in_word(body[start - 1]):
        while start < end and _in_word(body[start]):
            start += 1
    if end < len(body) and _in_word(body[end]):
        while end > start and _in_word(body[end - 1]):
            end -= 1
    text = " ".join(body[start:end].split())
    return ("…" if start > 0 else "") + text + ("…" if end < len(body) else "")
