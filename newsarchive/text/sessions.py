"""Which parts of a URL are a visitor's session id (`?sid=`, `;jsessionid=`), not part of the page's name.

Every visit makes a new value for the same page, so a crawl that keeps them fetches one page once per link
and an archive that keys on them stores one article under thousands of URLs. text/urls.py leaves them out of
every key and of the URL a crawl requests.
"""

from __future__ import annotations

import re

# Parameters that carry a visitor's session (servlets, PHP, ASP, ColdFusion, shop systems): every visit
# makes a new value for the same page, so a crawl that keeps them fetches one page once per link.
SESSION = frozenset("jsessionid phpsessid sessionid session_id sessid sess_id oscsid zenid cfid cftoken".split())
SESSION_PREFIXES = ("aspsessionid",)  # ASPSESSIONIDQSCTDRAB: classic ASP adds random letters to the name
# Names some sites use for a story's id too (`?sid=06/12/04/1234`): a session only when the value is a token.
SESSION_IF_TOKEN = frozenset(("sid", "session", "s_id"))
_TOKEN = re.compile(r"(?=[^/]*[a-z])(?=[^/]*\d)[a-z0-9_.~-]{16,}", re.I)
_SESSION_HINT = re.compile(r"sess|sid|cfid|cftoken|zenid|\(s\(", re.I)  # a cheap test before parsing
# `;jsessionid=ABC` after a path segment, and ASP.NET's cookieless `/(S(abc))/` segment.
_SESSION_PATH = re.compile(r";(?:jsessionid|phpsessid|sessionid|sid)=[^/;?#]*", re.I)
_SESSION_SEGMENT = re.compile(r"/\((?:[a-z]\([a-z0-9_-]*\))+\)(?=/|$)", re.I)


def may_hold_session(url: str) -> bool:
    """A cheap test before parsing: False when `url` cannot hold a session id."""
    return bool(_SESSION_HINT.search(url))


def is_session(name: str, value: str = "") -> bool:
    """Whether a query parameter (or path parameter) is a visitor's session id rather than part of the page's name."""
    name = name.lower()
    if name in SESSION or name.startswith(SESSION_PREFIXES):
        return True
    return name in SESSION_IF_TOKEN and bool(_TOKEN.fullmatch(value))


def session_free_path(path: str) -> str:
    """`path` without `;jsessionid=` path parameters or ASP.NET's `/(S(...))/` segment."""
    return _SESSION_SEGMENT.sub("", _SESSION_PATH.sub("", path)) if ";" in path or "(" in path else path
