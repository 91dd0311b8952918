"""Soft error pages: a 200 answer whose page says "Page not found", "Internal Server Error" or "Sign in"."""

from __future__ import annotations

import re
from itertools import islice

from newsarchive.extract.body.scoring import weight
from newsarchive.extract.document.tree import squash, text_of
from newsarchive.items import Article

# A page is an error page by what it says, never by where it is: each phrase below must be the whole of a
# title, heading or line (a headline like "Missing hiker not found after three days" is not "not found").
_NOUN = (
    r"(?:(?:the|this|that|your) )?(?:requested )?"
    r"(?:page|file|article|content|document|url|resource|post|story|link|webpage|web page|item)"
)
_MISSING = (
    r"(?:(?:was|is|has been) )?(?:not found|no longer exists|no longer available|not available|unavailable|"
    r"doesn't exist|does not exist|not exist)|(?:could not|couldn't|cannot|can't|can not) be found|"
    r"(?:has been|was) (?:removed|deleted|moved)"
)
_SEEKING = r"(?: (?:you|you're|you are|you were) (?:looking for|requested|trying to reach))?"
_ERRORS = [
    # English
    rf"(?:{_NOUN}{_SEEKING} )?(?:{_MISSING})",
    rf"(?:(?:sorry,? |oops,? )?we )?(?:can't|cannot|could not|couldn't) find "
    rf"(?:that|this|the|what you(?:'re| are) looking for)(?: {_NOUN})?",
    r"(?:internal )?server error",
    r"service (?:temporarily )?unavailable",
    r"bad gateway|gateway time-?out|bad request|too many requests|request rejected",
    r"forbidden|access (?:denied|forbidden)|unauthori[sz]ed",
    r"something went wrong|an error (?:has )?occurred|(?:page|file|request) error|error (?:page|occurred)",
    r"(?:page|site) (?:is )?(?:under maintenance|down for maintenance)",
    # Japanese, Chinese, Korean
    r"(?:お探しの|指定された|ご指定の|該当する)?(?:ページ|記事|ファイル)(?:は|が)?"
    r"(?:見つかりません|見つかりませんでした|存在しません|存在しないか.*|削除されました|表示できません|掲載期間が終了しました)",
    r"(?:サーバー?|システム)?エラーが発生しました|サーバー?エラー",
    r"アクセスが(?:拒否されました|集中しています)|ただいまメンテナンス中です",
    r"(?:页面|网页|文章)(?:不存在|未找到|找不到了?|已删除)|(?:找不到|未找到)(?:该|此|您要的|您访问的)?(?:页面|网页)",
    r"服务器(?:内部)?错误|(?:頁面|網頁)(?:不存在|未找到|找不到)|伺服器錯誤",
    r"(?:요청하신 )?페이지를 찾을 수 없습니다|서버 오류",
    # European languages
    r"(?:die )?(?:seite|datei|artikel) (?:wurde |konnte )?(?:nicht gefunden|existiert nicht)(?: werden)?",
    r"interner serverfehler|zugriff verweigert|es ist ein fehler aufgetreten",
    r"(?:la |cette )?page (?:demandée )?(?:est )?(?:introuvable|non trouvée|inexistante|n'existe pas)",
    r"erreur (?:interne )?du serveur|accès refusé|une erreur (?:s'est produite|est survenue)",
    r"(?:la )?página (?:que buscas )?(?:no encontrada|no existe|no se encuentra|não encontrada|não existe)",
    r"error interno del servidor|erro interno do servidor|acceso denegado|acesso negado",
    r"(?:la )?pagina (?:richiesta )?(?:non trovata|non esiste|non è stata trovata)",
    r"errore interno del server|accesso negato",
    r"pagina niet gevonden|strona nie została znaleziona|nie znaleziono strony|sayfa bulunamadı",
    r"stránka nenalezena|sidan hittades inte|siden blev ikke fundet|siden finnes ikke|sivua ei löytynyt",
    r"страница не найдена|внутренняя ошибка сервера|доступ запрещ[её]н|сторінку не знайдено",
]
_LOGIN = [
    r"(?:please |you (?:must|need to) )?(?:sign|log) ?in"
    r"(?: (?:to|now to) (?:continue|read|view|access|see|keep)(?: [\w']+){0,3})?",
    r"(?:member|subscriber|user) (?:login|log in|sign in)|login|log-in",
    r"you (?:must|need to) be logged in(?: [\w']+){0,4}",
    r"(?:続きを読むには|この記事を読むには)?(?:会員)?ログイン(?:してください|が必要です|して下さい)?|ログイン・会員登録",
    r"anmelden|einloggen|bitte (?:melden sie sich an|einloggen|anmelden)",
    r"connexion|se connecter|connectez-vous|identifiez-vous",
    r"iniciar sesión|inicia sesión|fazer login|accedi|inloggen|войти|вход|请登录|登录|請登入|登入|로그인",
]
_ERROR = re.compile("|".join(f"(?:{p})" for p in _ERRORS))
_LOGIN_WALL = re.compile("|".join(f"(?:{p})" for p in _LOGIN))
# What error pages put around the phrase: a status code, "Error", an apology.
_APOLOGIES = "oops|whoops|sorry|uh[ -]oh|ouch|error|http|status|erreur|fehler|errore|ошибка|エラー|错误|오류"
_NOISE = re.compile(rf"^(?:(?:{_APOLOGIES}|申し訳ございません|申し訳ありません)\b|[45]\d\d\b|[\W_]+)+")
_TRAILING_NOISE = re.compile(r"(?:[\W_]+|\b[45]\d\d)+$")
_CODE = re.compile(r"\b[45]\d\d\b")
_SEPARATORS = re.compile(r"\s+[|\-–—:·•»/]\s+|\s*[|–—·•»｜]\s*")
_END_PUNCTUATION = "!！.。．?？…,，:;"

# A body shorter than this (in weight: CJK characters count twice) is no article however it reads.
SHORT_BODY = 800


def _normal(text: str) -> str:
    text = squash(text).casefold().replace("\u2019", "'").replace("\u2018", "'")
    return text.strip(" " + _END_PUNCTUATION)


def _strip_noise(segment: str) -> tuple[str, bool]:
    """The segment without a leading or trailing status code, "Error" or apology; and whether a code was there."""
    code = bool(_CODE.search(segment))
    rest = _TRAILING_NOISE.sub("", _NOISE.sub("", segment))
    return rest.strip(" " + _END_PUNCTUATION), code


def error_phrase(text: str | None) -> str | None:
    """What `text` (a title, heading or line) is in full: "error", "login" (a login wall's phrase) or None."""
    found = _phrase(text)
    return found[0] if found else None


def _phrase(text: str | None) -> tuple[str, bool] | None:
    """(kind, strong) when `text` is an error or login phrase in full; strong unless the phrase is one word
    ("Forbidden", "Login", "エラー"), which a real headline can be too."""
    if not text:
        return None
    normal = _normal(text)
    if not normal or len(normal) > 120:
        return None
    for segment in [normal, *_SEPARATORS.split(normal)]:
        segment = segment.strip(" " + _END_PUNCTUATION)
        if not segment:
            continue
        rest, code = _strip_noise(segment)
        if not rest and (code or segment in ("error", "erreur", "fehler", "errore", "エラー")):
            return "error", code  # a bare "Error" is one word; "Error 404" names a status
        for candidate in filter(None, (segment, rest)):
            strong = code or not _one_word(candidate)
            if _ERROR.fullmatch(candidate):
                return "error", strong
            if _LOGIN_WALL.fullmatch(candidate):
                return "login", strong
    return None


def _one_word(phrase: str) -> bool:
    # Without spaces, a short run of CJK (ログイン, 登录) is one word as well.
    return " " not in phrase and (len(phrase) < 6 or phrase.isascii())


def _declares_article(root, article: Article) -> bool:
    """Whether the page says it is an article: og:type article, a structured article node or publication time."""
    if article.sources.get("published") in ("jsonld", "microdata", "meta"):
        return True
    if article.sources.get("headline") in ("jsonld", "microdata"):
        return True
    for meta in root.iterfind(".//meta[@property='og:type']"):
        if (meta.get("content") or "").strip().lower() == "article":
            return True
    return False


def _titles(root, article: Article) -> list[tuple[str, bool]]:
    """The page's titles, each with whether it names the page: its headline and <title> do; another <h1>
    (a login dialog's, a section's) may not, and settles nothing on a page with a full body."""
    titles = [(article.headline, True)]
    title = root.find(".//title")
    if title is not None:
        titles.append((text_of(title), True))
    titles.extend((text_of(h1), False) for h1 in islice(root.iter("h1"), 3))
    return [(text, names) for text, names in titles if text]


def soft_error(root, article: Article) -> str | None:
    """Why a page that came with HTTP 200 is an error page or a login wall, not an article; None when it is not.

    A title or headline that is an error or login phrase settles it unless the page declares itself an article
    and has a full-length body; a one-word phrase ("Forbidden") settles it only on a short page. Another
    heading (a login dialog's), or the opening line of the body, settles it only on a short page that
    declares no article (and, for the line, gives no publication time).
    """
    body = article.body or ""
    short = weight(body) < SHORT_BODY
    declared = _declares_article(root, article)
    for title, names_page in _titles(root, article):
        found = _phrase(title)
        if found is None:
            continue
        # A page's own title settles it unless the page declares an article and has a full body; a one-word
        # title ("Forbidden") settles it only on a short page. Another heading only on a short, undeclared page.
        if short and (names_page or not declared) or names_page and not declared and found[1]:
            return f"soft error page: {squash(title)[:100]!r}"
    if short and not declared and article.published is None:
        for line in body.splitlines()[:3]:
            if error_phrase(line):
                return f"soft error page: {squash(line)[:100]!r}"
    return None
