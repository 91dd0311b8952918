"""Pure functions for Japanese-aware full-text search: text segmentation, query parsing, FTS5 queries, snippets.

SQLite's unicode61 tokenizer cannot split Japanese into words, and the trigram tokenizer misses words of
one and two characters, so the archive indexes text segmented here: its words as newsarchive.text.words
cuts them: each CJK character is a token of its own (東京都 -> "東 京 都"), other text its words. A query term
is segmented the same way and searched as a phrase, so 条約 finds the two characters side by side.

Why characters and not bigrams: FTS5's write cost grows with the distinct tokens of a batch, and the
bigrams of Japanese text are many times more distinct than its characters; indexing characters made
benchmarks/store.py's Japanese articles about 2.5 times cheaper to index, while a phrase query over
characters read at most 2 times longer than the bigram token on 20,000 articles (tens of ms).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsarchive.text.words import RUN as _RUN
from newsarchive.text.words import WORD_CHAR as _WORD_CHAR
from newsarchive.text.words import fold as normalise
from newsarchive.text.words import words

from .errors import SearchQueryError

# Names the segmentation below. Change it whenever segment() changes: archives whose index was built
# another way are then rebuilt (the contentless index can only drop tokens it is told exactly).
SEGMENTATION = "cjk-char-1"

# How much of a query an error message quotes.
_SHOWN = 80

# Quoted phrase (possibly unclosed) or bare word, each with an optional leading "-".
_LEXEME = re.compile(r'(-?)"([^"]*)("?)|(-?)([^\s"]+)')


def segment(text: str) -> str:
    """The text as space-separated index tokens: its words (words.words), each CJK character alone."""
    return " ".join(words(text))


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
        """The terms that must or may match, in query order, each once (what a snippet looks for)."""
        return list(_first_of_each([term for group in self.groups for term in group]))


def make_term(text: str) -> Term | None:
    """A Term for `text`, or None when it has no letters, digits or CJK characters to search for."""
    runs = tuple((m.group(1) is not None, m.group()) for m in _RUN.finditer(normalise(text)))
    return Term(text, runs) if runs else None


def parse_query(query: str, *, max_chars: int | None = None, max_terms: int | None = None) -> Query:
    """Parse user input: words and "quoted phrases" are ANDed, OR joins its neighbours, a leading - excludes.

    A term or group written twice counts once (ranking and snippets cost grows with the terms, so
    2,000 copies of one word would cost millions of steps for nothing). Raises SearchQueryError for an
    unbalanced quote, an empty query, one made only of operators or exclusions, OR without a term on
    each side, and a query over `max_chars` characters or `max_terms` different terms.
    """
    if not query or not query.strip():
        raise SearchQueryError("empty search: give at least one word")
    _check_length(query, max_chars)
    shown = " ".join(query.split())  # the query as messages quote it, on one line and not too long
    shown = shown if len(shown) <= _SHOWN else shown[: _SHOWN - 1] + "…"
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    pending_or = False
    previous = ""  # "term", "excluded" or "or"
    for negated, text, quoted in _lexemes(query, shown):
        if text == "OR" and not quoted and not negated:
            _check_or_follows(previous)
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
    _check_complete(groups, excluded, pending_or, shown)
    parsed = _without_repeats(groups, excluded)
    _check_terms(parsed, max_terms)
    return parsed


def _check_length(query: str, max_chars: int | None) -> None:
    if max_chars is not None and len(query) > max_chars:
        raise SearchQueryError(f"search too long: {len(query):,} characters, at most {max_chars:,}")


def _check_terms(query: Query, max_terms: int | None) -> None:
    count = len({term.runs for term in query.terms} | {term.runs for term in query.excluded})
    if max_terms is not None and count > max_terms:
        raise SearchQueryError(f"search has {count:,} different terms, at most {max_terms:,}")


def _without_repeats(groups: list[list[Term]], excluded: list[Term]) -> Query:
    """The query with each group's repeated terms, repeated groups and repeated exclusions once, in order."""
    kept: dict[frozenset[tuple[tuple[bool, str], ...]], tuple[Term, ...]] = {}
    for group in groups:
        unique = _first_of_each(group)
        kept.setdefault(frozenset(term.runs for term in unique), unique)
    return Query(tuple(kept.values()), _first_of_each(excluded))


def _first_of_each(terms: list[Term]) -> tuple[Term, ...]:
    """The terms in order, each searched-for text (its normalised runs) once."""
    first: dict[tuple[tuple[bool, str], ...], Term] = {}
    for term in terms:
        first.setdefault(term.runs, term)
    return tuple(first.values())


def _lexemes(query: str, shown: str) -> Iterator[tuple[bool, str, bool]]:
    """(negated, text, quoted) for each word or "quoted phrase" of `query`, in order."""
    for match in _LEXEME.finditer(query):
        if match.group(2) is None:
            yield bool(match.group(4)), match.group(5), False
        elif not match.group(3):
            raise SearchQueryError(f"unbalanced quote in search: {shown}")
        else:
            yield bool(match.group(1)), match.group(2), True


def _check_complete(groups: list[list[Term]], excluded: list[Term], pending_or: bool, shown: str) -> None:
    """A whole query needs a term after its last OR and at least one term that is not excluded."""
    if pending_or:
        raise SearchQueryError("OR needs a search term on each side")
    if not groups:
        if excluded:
            raise SearchQueryError("a search needs at least one term that is not excluded with -")
        raise SearchQueryError(f"nothing to search for in: {shown}")


def _check_or_follows(previous: str) -> None:
    """OR may only follow a term that is not excluded."""
    if previous == "excluded":
        raise SearchQueryError("OR cannot join an excluded (-) term")
    if previous != "term":
        raise SearchQueryError("OR needs a search term on each side")


def _fts_phrase(term: Term) -> str:
    """One term as an FTS5 phrase string; user text only ever appears inside double quotes."""
    tokens = " ".join(" ".join(run) if cjk else run for cjk, run in term.runs)
    return '"' + tokens.replace('"', '""') + '"'


def to_fts(query: Query) -> str:
    """The FTS5 MATCH expression for a parsed query."""
    groups = []
    for group in query.groups:
        phrases = [_fts_phrase(term) for term in group]
        groups.append(phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")")
    expression = " AND ".join(groups)
    if query.excluded:
        expression = "(" + expression + ")" + "".join(" NOT " + _fts_phrase(term) for term in query.excluded)
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
