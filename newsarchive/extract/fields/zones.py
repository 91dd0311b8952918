"""Which timezone an offset-less timestamp is read in.

The site profile's, else the domain's country's, else the language's; UTC when none of them tells.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from newsarchive.extract.fields.dates import known_zone

# Country-code top-level domains of countries that keep one civil time (or whose press keeps the capital's).
# Countries spanning several offsets (us, ca, au, br, ru, mx, id, kz, ...) are left out on purpose: there
# the domain says nothing about the wall clock.
_COUNTRY_ZONES = {
    "jp": "Asia/Tokyo",
    "kr": "Asia/Seoul",
    "cn": "Asia/Shanghai",
    "tw": "Asia/Taipei",
    "hk": "Asia/Hong_Kong",
    "in": "Asia/Kolkata",
    "pk": "Asia/Karachi",
    "bd": "Asia/Dhaka",
    "th": "Asia/Bangkok",
    "vn": "Asia/Ho_Chi_Minh",
    "my": "Asia/Kuala_Lumpur",
    "sg": "Asia/Singapore",
    "ph": "Asia/Manila",
    "il": "Asia/Jerusalem",
    "lb": "Asia/Beirut",
    "ae": "Asia/Dubai",
    "sa": "Asia/Riyadh",
    "qa": "Asia/Qatar",
    "ir": "Asia/Tehran",
    "de": "Europe/Berlin",
    "at": "Europe/Vienna",
    "ch": "Europe/Zurich",
    "li": "Europe/Vaduz",
    "lu": "Europe/Luxembourg",
    "fr": "Europe/Paris",
    "be": "Europe/Brussels",
    "nl": "Europe/Amsterdam",
    "it": "Europe/Rome",
    "es": "Europe/Madrid",
    "pt": "Europe/Lisbon",
    "uk": "Europe/London",
    "gb": "Europe/London",
    "ie": "Europe/Dublin",
    "dk": "Europe/Copenhagen",
    "no": "Europe/Oslo",
    "se": "Europe/Stockholm",
    "fi": "Europe/Helsinki",
    "is": "Atlantic/Reykjavik",
    "pl": "Europe/Warsaw",
    "cz": "Europe/Prague",
    "sk": "Europe/Bratislava",
    "hu": "Europe/Budapest",
    "si": "Europe/Ljubljana",
    "hr": "Europe/Zagreb",
    "rs": "Europe/Belgrade",
    "ro": "Europe/Bucharest",
    "bg": "Europe/Sofia",
    "gr": "Europe/Athens",
    "cy": "Asia/Nicosia",
    "tr": "Europe/Istanbul",
    "ua": "Europe/Kyiv",
    "lt": "Europe/Vilnius",
    "lv": "Europe/Riga",
    "ee": "Europe/Tallinn",
    "za": "Africa/Johannesburg",
    "na": "Africa/Windhoek",
    "ls": "Africa/Maseru",
    "ng": "Africa/Lagos",
    "ke": "Africa/Nairobi",
    "tz": "Africa/Dar_es_Salaam",
    "eg": "Africa/Cairo",
    "ma": "Africa/Casablanca",
    "gh": "Africa/Accra",
    "nz": "Pacific/Auckland",
    "ar": "America/Argentina/Buenos_Aires",
    "co": "America/Bogota",
    "pe": "America/Lima",
    "ve": "America/Caracas",
    "uy": "America/Montevideo",
    "py": "America/Asuncion",
}
# Languages written almost only in one civil time (German: DE/AT/CH/LU/LI share it). English, Spanish,
# Portuguese, French, Arabic, Russian, Chinese, Malay are spoken across many offsets and are left out.
_LANGUAGE_ZONES = {
    "ja": "Asia/Tokyo",
    "ko": "Asia/Seoul",
    "de": "Europe/Berlin",
    "it": "Europe/Rome",
    "nl": "Europe/Amsterdam",
    "pl": "Europe/Warsaw",
    "cs": "Europe/Prague",
    "sk": "Europe/Bratislava",
    "hu": "Europe/Budapest",
    "da": "Europe/Copenhagen",
    "no": "Europe/Oslo",
    "nb": "Europe/Oslo",
    "nn": "Europe/Oslo",
    "sv": "Europe/Stockholm",
    "fi": "Europe/Helsinki",
    "is": "Atlantic/Reykjavik",
    "lt": "Europe/Vilnius",
    "lv": "Europe/Riga",
    "et": "Europe/Tallinn",
    "el": "Europe/Athens",
    "ro": "Europe/Bucharest",
    "bg": "Europe/Sofia",
    "hr": "Europe/Zagreb",
    "sl": "Europe/Ljubljana",
    "tr": "Europe/Istanbul",
    "uk": "Europe/Kyiv",
    "he": "Asia/Jerusalem",
    "vi": "Asia/Ho_Chi_Minh",
    "th": "Asia/Bangkok",
    "hi": "Asia/Kolkata",
}


def page_timezone(url: str, language: str | None, profile_zone: str | None) -> tuple[str, str | None]:
    """(IANA zone, source) for timestamps the page writes without an offset.

    source is "site" for the profile's zone, "heuristic" for one taken from the domain or language,
    and None for the UTC fallback (nothing to go on).
    """
    if known_zone(profile_zone):  # a misspelt zone in a profile falls back to the defaults
        return profile_zone, "site"
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    zone = _COUNTRY_ZONES.get(host.rsplit(".", 1)[-1]) or _LANGUAGE_ZONES.get(language or "")
    return (zone, "heuristic") if zone else ("UTC", None)
