"""Recognise body lines that are page furniture by their text alone: labels, counters, bylines, datelines."""

from __future__ import annotations

import re
from collections.abc import Collection

from newsarchive.text.words import CJK

# Whole-line labels: advertisement markers and "read more" prompts in the languages we meet most.
_READ_MORE = (
    r"read more|read also|also read|see also|weiterlesen|mehr lesen|lesen sie auch|lire aussi|à lire aussi|"
    r"leer más|lee también|leggi anche|leia mais|leia também|lees meer|lees ook|läs mer|läs också|les mer|"
    r"les også|læs mere|læs også|czytaj więcej|czytaj też|czytaj także|zobacz też|zobacz także|čtěte také|"
    r"explore further|続きを読む|あわせて読みたい|関連記事"
)
_LABEL = re.compile(
    r"^[\s\[(【■»>›:\-–—]*(?:advertisement|advertising|sponsored|anzeige|werbung|publicité|publicidad|pubblicità|"
    rf"publicidade|reklame|reklama|advertentie|annons|annonse|annonce|mainos|広告|スポンサーリンク|광고|{_READ_MORE})"
    r"[\s\])】:：.…»›]*$",
    re.I,
)
# A "read more" label run into the title it points to ("Czytaj też: Wyścig zbrojeń ruszył", "Read more: ..."):
# a promotion of another story set between the paragraphs.
_READ_MORE_TITLE = re.compile(rf"^[\s\[(【■»>›\-–—]*(?:{_READ_MORE})\s*[:：]\s*\S.{{0,150}}$", re.I)
# A source or picture credit on a line of its own ("Foto: Jane Doe", "Quelle: dpa", "(Source: Reuters)").
_CREDIT = re.compile(
    r"^\(?(?:quelle|quellen|source|sources|foto|fotos|photo|photos|bild|bilder|bildquelle|fotoquelle|credit|"
    r"credits|image|images|picture|grafik|illustration|fuente|fuentes|fonte|fontes|źródło|zdjęcie|bron|kilde)"
    r"\s*:\s*\S.{0,60}$",
    re.I,
)
# A line with no letter at all ("+++", "0", "2 / 3"): counters and decorations.
_NO_LETTER = re.compile(r"^[\W\d_]*$")
# A byline: "By Jane Doe", "Von Nina Magoley", "Kommentar von ..." - short, a name after the word.
_BYLINE = re.compile(
    r"^(?:\w+\s+)?(?i:by|von|par|por|di|da|av|door|od|przez|af|de)\s+[A-ZÀ-ÞĀ-Ž][\w.'’-]+"
    r"(?:\s+[\w.'’-]+){0,4}$"
)
# A dateline: a date or time written with digits, in a short line ("Stand: 22.04.2024, 06:00 Uhr").
_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}:\d{2}|\d{1,2}\.?\s+[A-Za-zÀ-ÿ]{3,9}\.?\s+\d{4}")
# A call to subscribe, register, sign up or donate addressed to the reader ("Jetzt abonnieren",
# "Registration is a free and easy way to support our journalism"): generic words, several languages.
_APPEAL = re.compile(
    r"\b(?:sign(?:ing)? up (?:to|for) (?:our|the|\w+[’']s)\b.{0,60}newsletter|newsletters?\b.{0,80}\b(?:inbox|sign up)|"
    r"subscribe (?:now|today|to our)|support (?:our|independent|quality) journalism|bookmark (?:our|\w+\.com)|"
    r"become a (?:member|subscriber)|join our community|"
    r"jetzt abonnieren|abonnieren sie|newsletter informiert|unterstützen sie (?:uns|unsere)|mit einer spende|"
    r"werden sie mitglied|mitglied werden|"
    r"réservée? aux abonnés|abonnez-vous|votre abonnement|suscríbete|hazte socio|abbonati|"
    r"iscriviti alla (?:nostra )?newsletter)",
    re.I,
)
_APPEAL_MAX = 300
# A copyright or rights notice: the publisher's legal footer, in the usual languages.
_NOTICE = re.compile(
    r"©|\(c\) ?\d{4}|\bcopyright(?:ed)?\b|\ball rights reserved|\balle rechte vorbehalten|\btous droits réservés|"
    r"\b(?:todos los )?derechos reservados|\btutti i diritti riservati|\btodos os direitos reservados|"
    r"\balle rechten voorbehouden|\bwszelkie prawa zastrzeżone",
    re.I,
)
_NOTICE_MAX = 300
# What a page says about its comments (policy, prompt, count): the comment section's furniture, never text that
# closes the article. Plural nouns and "a comment" only: a story may end on someone who "declined to comment".
_COMMENTS = re.compile(
    r"\b(?:comments|kommentare|kommentaren|kommentarfunktion|commentaires|comentários|comentarios|commenti|"
    r"(?:a|your|einen|ihren|deinen|un|votre|seu|su) "
    r"(?:comment|kommentar|commentaire|comentário|comentario|commento))\b",
    re.I,
)
# A line that only counts the comments ("27 commentaires", "3 Kommentare", "One comment", "5 thoughts on
# “Title”", "2 Antworten auf ...") heads the comment section that blogs and papers print under the article:
# what follows it is readers' text, however long.
_COMMENT_COUNT = re.compile(
    r"^(?:\d+|one|two|no|ein|eine|zwei|keine|un|une|deux)\s+(?:comments?|kommentare?|commentaires?|comentarios?|"
    r"comentários?|commenti|responses?|replies|antworten|réponses?|reaktionen|"
    r"(?:thoughts?|gedanken|antworten|responses?|replies|réponses?) (?:on|zu|auf|à|to) .{1,150})\s*[:.]?$",
    re.I,
)
_COMMENTS_AFTER = 400  # characters of article a comment count must follow (a counter in the byline does not)
# Lines of at least this many words are sentences: an exact second copy is a layout's duplicate, not text.
_REPEAT_WORDS = 8
_CLOSING_APPEAL_MAX = 1200
_SHORT = 80
_LEAD_SIZE = 120
# CJK characters carry a word each: a short CJK line is a quarter of a short Latin one.
_CJK = re.compile(f"[{CJK}]")
_SHORT_CJK = 24
# Sentence ends, closing quotes included: a body may end on a quoted sentence.
_SENTENCE_END = (".", "!", "?", "。", "！", "？", '"', "”", "“", "»", "«", "’")
# The trailer never takes more than this share of the body: a body ending on a long list keeps it.
_TRAILER_SHARE = 0.4
_PROMPT_WORDS = 5
# A contact box's label: press releases and institutions' news close on who to call, in the usual languages.
_CONTACT = re.compile(
    r"^(?:(?:press|media|news) ?contacts?|contacts?|kontakte?|presse ?kontakt|pressekontakt|medienkontakt|"
    r"ansprechpartner(?:in)?(?:nen)?|ansprechperson|contacto|contatto|contatti|contato|kontaktperson)"
    r"(?:\s+\w+){0,2}\s*:?$",
    re.I,
)
# Lines of a contact box (names, addresses, numbers) are short; a long line after the label is text again.
_CONTACT_LINE = 160


def is_label(line: str) -> bool:
    """Whether a whole line is an advertisement marker, a "read more" prompt (with the title it points to, or
    alone), a source or picture credit, or has no letters."""
    if len(line) <= 40 and bool(_LABEL.match(line) or _NO_LETTER.match(line)):
        return True
    return len(line) <= 200 and bool(_READ_MORE_TITLE.match(line) or _CREDIT.match(line))


def is_appeal(line: str) -> bool:
    """Whether a short line asks the reader to subscribe, register, sign up for a newsletter or donate."""
    return len(line) <= _APPEAL_MAX and bool(_APPEAL.search(line))


def drop_furniture_lines(lines: list[str], laid_out: Collection[str] = ()) -> list[str]:
    """`lines` without labels, appeals and second copies of long lines anywhere, and without bylines and
    datelines above the first real paragraph.

    `laid_out` lines (table rows, lines of a paragraph broken by <br>) are never taken for a trailer: short
    lines that close a body are furniture when they stand alone, text when the author set them in a table
    or a paragraph of their own."""
    kept, started, seen = [], False, set()
    for line in lines:
        if is_label(line) or is_appeal(line):
            continue
        if line in seen:
            continue  # a paragraph, caption or pull quote printed twice (two layouts of one page) is read once
        if line.count(" ") >= _REPEAT_WORDS - 1:
            seen.add(line)
        if not started:
            if len(line) >= _LEAD_SIZE:
                started = True
            elif len(line) <= _SHORT and (_BYLINE.match(line) or _DATE.search(line)):
                continue
        kept.append(line)
    # Short lines that are not sentences after the last paragraph: broadcast slots, datelines, source and
    # author credits, box labels ("Quellen:", "Most read") and the teaser titles under them. A heading
    # that closes a body introduces nothing of it.
    # A closing paragraph asking the reader to support or subscribe is a promotion box, however long.
    kept = _without_comments(_without_contact_box(kept))
    end = len(kept)
    while end > 1 and (
        ((_is_trailer(kept[end - 1]) or _is_prompt(kept[end - 1])) and kept[end - 1] not in laid_out)
        or _is_closing_appeal(kept[end - 1])
        or _is_notice(kept[end - 1])
    ):
        end -= 1
    trailer = sum(len(line) for line in kept[end:])
    if trailer <= _TRAILER_SHARE * sum(len(line) for line in kept):
        del kept[end:]
    return kept


def _without_contact_box(lines: list[str]) -> list[str]:
    """`lines` less a closing contact box: a contact label and the short lines after it, up to the end."""
    for index in range(len(lines) - 1, 0, -1):
        line = lines[index]
        if len(line) > _CONTACT_LINE:
            break
        if len(line) <= 40 and _CONTACT.match(line):
            cut = sum(len(rest) for rest in lines[index:])
            if cut <= _TRAILER_SHARE * sum(len(rest) for rest in lines):
                return lines[:index]
            break
    return lines


def _without_comments(lines: list[str]) -> list[str]:
    """`lines` up to a comment count after the article's first paragraphs: the comment section it heads."""
    before = 0
    for index, line in enumerate(lines):
        if before >= _COMMENTS_AFTER and len(line) <= 200 and _COMMENT_COUNT.match(line):
            return lines[:index]
        before += len(line)
    return lines


def _is_notice(line: str) -> bool:
    return len(line) <= _NOTICE_MAX and bool(_NOTICE.search(line) or _COMMENTS.search(line))


def _is_closing_appeal(line: str) -> bool:
    return len(line) <= _CLOSING_APPEAL_MAX and bool(_APPEAL.search(line))


def _is_prompt(line: str) -> bool:
    # A question of a few words closing a body is the heading of a box put under articles ("Schon gelesen?",
    # "War dieser Artikel hilfreich?", "Already a subscriber?"): an author closing on a question asks it in
    # a sentence, and its answer or the box's links are gone with the furniture.
    words = line.split()
    return 2 <= len(words) <= _PROMPT_WORDS and line.rstrip().endswith(("?", "？")) and len(line) <= _SHORT


def _is_trailer(line: str) -> bool:
    limit = _SHORT_CJK if _CJK.search(line) else _SHORT
    return len(line) <= limit and not line.rstrip().endswith(_SENTENCE_END)
