"""Month names, timezone abbreviations and publication labels that `dates` and `datefind` recognise."""

from __future__ import annotations

_MONTH_LISTS = {
    "en": "january february march april may june july august september october november december",
    "en_short": "jan feb mar apr may jun jul aug sep oct nov dec",
    "en_sept": "- - - - - - - - sept - - -",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "de_at": "jänner - maerz - - - - - - - - -",
    "de_short": "- - mär - - - - - - okt - dez",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "es_set": "- - - - - - - - setiembre - - -",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "da_no_sv": "januar februar marts april maj juni juli august september oktober november december",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "no": "januar februar mars april mai juni juli august september oktober november desember",
    "pl": "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień",
    "pl_genitive": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "cs_genitive": "ledna února března dubna května června července srpna září října listopadu prosince",
    "tr": "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    "fr_short": "janv févr - avr - - juil - - - - déc",
    "es_it_pt_short": "gen fev - - mag giu lug ago set ott - dic",
    "es_pt_nl_short": "ene - mrt abr mei - - - - out - dez",
}

MONTHS: dict[str, int] = {}
for _names in _MONTH_LISTS.values():
    for _number, _name in enumerate(_names.split(), start=1):
        if _name != "-":
            MONTHS.setdefault(_name, _number)

# Longest first, so that "januar" is not matched as "jan" followed by junk.
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))

# Minutes east of UTC. Only unambiguous abbreviations (IST, CST in Asia, etc. are left out on purpose
# where news use differs; CST here is US Central, the common reading on English news pages).
TZ_ABBREVIATIONS = {
    "UTC": 0,
    "GMT": 0,
    "UT": 0,
    "WET": 0,
    "WEST": 60,
    "BST": 60,
    "CET": 60,
    "CEST": 120,
    "MEZ": 60,
    "MESZ": 120,
    "EET": 120,
    "EEST": 180,
    "MSK": 180,
    "JST": 540,
    "KST": 540,
    "HKT": 480,
    "SGT": 480,
    "AEST": 600,
    "AEDT": 660,
    "ACST": 570,
    "AWST": 480,
    "NZST": 720,
    "NZDT": 780,
    "EST": -300,
    "EDT": -240,
    "CST": -360,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
    "AKST": -540,
    "AKDT": -480,
    "HST": -600,
    "SAST": 120,
    "WAT": 60,
    "EAT": 180,
}

# Labels a page writes before the publication time ("Datum 28.04.2023", "입력 2026.07.12 22:09"), lower-case.
PUBLISHED_LABELS = (
    "published on",
    "published",
    "posted on",
    "posted",
    "date",
    "datum",
    "veröffentlicht am",
    "veröffentlicht",
    "erschienen am",
    "erschienen",
    "publié le",
    "publié",
    "publicado el",
    "publicado",
    "publicada",
    "fecha",
    "pubblicato il",
    "pubblicato",
    "data",
    "gepubliceerd op",
    "gepubliceerd",
    "opublikowano",
    "publikováno",
    "publiserad",
    "publisert",
    "udgivet",
    "yayınlanma",
    "yayın tarihi",
    "입력",
    "등록",
    "公開日",
    "公開",
    "配信日",
    "配信",
    "掲載日",
    "发布时间",
    "发布",
    "發布",
)
