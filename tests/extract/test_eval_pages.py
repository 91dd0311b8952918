"""Generic extraction (no site rules) on real pages of the shared evaluation set, where that set is present."""

import gzip
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from newsarchive.extract import extract_article

EVAL = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "fundus"
pytestmark = pytest.mark.skipif(
    not (EVAL / "ground-truth.json").exists(),
    reason=f"evaluation pages not found at {EVAL} (../shared/eval/fundus relative to the repository root)",
)
_CJK = "\u3005\u3006\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")

PAGES = [
    "jp/MainichiShimbun_2025_01_14",
    "jp/SankeiShimbun_2025_01_21",
    "at/DiePresse_2025_06_05",
    "uk/TheGuardian_2024_02_24",
    "us/APNews_2023_04_28",
    "de/Tagesschau_2023_04_28",
]


def body_f1(truth: str, predicted: str) -> float:
    """4-token shingle F1, every CJK character one token (the eval set's body_cjk measure)."""

    def shingles(text):
        tokens = _TOKEN.findall(text)
        return Counter(tuple(tokens[i : i + 4]) for i in range(max(1, len(tokens) - 3)))

    t, p = shingles(truth), shingles(predicted)
    common = sum((t & p).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(t.values())
    return 2 * precision * recall / (precision + recall)


def same_text(a: str, b: str) -> bool:
    """Equal as a reader sees them: NFKC (full-width space vs space), curly vs straight quotes, spacing."""

    def plain(text):
        text = unicodedata.normalize("NFKC", text).translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))
        return " ".join(text.split())

    return plain(a) == plain(b)


def _truth():
    return json.loads((EVAL / "ground-truth.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("page_id", PAGES)
def test_generic_extraction_matches_the_ground_truth(page_id):
    truth = _truth()
    if page_id not in truth:
        pytest.skip(f"{page_id} not in this copy of the evaluation set")
    entry = truth[page_id]
    article = extract_article(entry["url"], gzip.decompress((EVAL / entry["file"]).read_bytes()))
    assert same_text(article.headline, entry["title"])
    assert body_f1(entry["articleBody"], article.body) >= 0.8
    assert article.published is not None
    assert article.published.date().isoformat() == entry["publishing_date"][:10]
