"""Benchmark: the archive's duplicate check (URL key, body hash, MinHash/LSH story clusters) at growing sizes.

    python benchmarks/dedup.py [--n 10000 100000] [--batch 50] [--seed 11] [--sample 400]

For each N, a fresh SQLite archive (full-text indexing off, so the figure is the duplicate check plus
the row writes it needs) receives N synthetic articles in batches, half Japanese, half English, drawn
from a large synthetic vocabulary so unrelated articles share few shingles, as real ones do. Of them:

- 10% are exact duplicates: the body of an earlier article under another URL of the same site
  (must come back "duplicate" and store nothing);
- 10% are near duplicates: an earlier article on another site, lightly edited the way a wire story is
  (a different headline, one sentence in eight rewritten, one dropped, one added) -- the known pairs;
- 20% carry the same boilerplate paragraph (a standard disclaimer), so that unrelated articles share text.

Printed per N: ms per article of save_articles over the whole run and over its last tenth (the cost at
size N), exact-duplicate accuracy, and precision/recall of the story clusters against the known pairs.
The reference beside it, same run: exact (brute-force) Jaccard over every pair of a sample of articles
at the same threshold (precision/recall against the known pairs in the sample), and what one article's
brute-force check against the whole archive would cost (measured per pair, times N).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsarchive.items import Article  # noqa: E402
from newsarchive.store import open_archive  # noqa: E402
from newsarchive.store.clusters import DEFAULT_THRESHOLD  # noqa: E402
from newsarchive.text import neardup  # noqa: E402

KANJI = [chr(c) for c in range(0x4E00, 0x4E00 + 2500)]
KATAKANA = [chr(c) for c in range(0x30A1, 0x30F6)]
GLUE = ("は", "が", "を", "に", "で", "と", "の", "も", "から", "まで", "について", "による")
ENDINGS = ("した。", "している。", "と述べた。", "を明らかにした。", "が注目される。", "だという。")
BOILERPLATE = {
    "ja": "この記事の内容は配信時点の情報に基づいており、その後の状況により変わる可能性があります。",
    "en": "This article is based on information available at the time of publication and may change.",
}


class Corpus:
    """Synthetic news text with a vocabulary large enough that unrelated articles rarely share shingles."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.ja_words = ["".join(rng.choice(KANJI) for _ in range(rng.randint(2, 3))) for _ in range(6000)]
        self.ja_words += ["".join(rng.choice(KATAKANA) for _ in range(rng.randint(3, 6))) for _ in range(2000)]
        letters = "abcdefghijklmnopqrstuvwxyz"
        self.en_words = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(20000)]

    def sentence(self, lang: str) -> str:
        rng = self.rng
        if lang == "ja":
            parts = [rng.choice(self.ja_words) + rng.choice(GLUE) for _ in range(rng.randint(4, 7))]
            return "".join(parts) + rng.choice(self.ja_words) + rng.choice(ENDINGS)
        words = [rng.choice(self.en_words) for _ in range(rng.randint(10, 20))]
        return " ".join(words).capitalize() + "."

    def body(self, lang: str) -> list[str]:
        return [self.sentence(lang) for _ in range(self.rng.randint(16, 28))]

    def edit(self, sentences: list[str], lang: str) -> list[str]:
        """A wire story as another site runs it: one sentence in eight rewritten, one dropped, one added."""
        rng = self.rng
        out = [self.sentence(lang) if rng.random() < 1 / 8 else s for s in sentences]
        del out[rng.randrange(len(out))]
        out.insert(rng.randrange(len(out) + 1), self.sentence(lang))
        return out


def make_articles(n: int, seed: int) -> tuple[list[Article], set[tuple[int, int]], set[int]]:
    """N articles in saving order, the known near-duplicate pairs (indexes), and the exact-duplicate indexes."""
    rng = random.Random(seed)
    corpus = Corpus(rng)
    articles: list[Article] = []
    texts: list[tuple[str, list[str]]] = []
    pairs: set[tuple[int, int]] = set()
    exact: set[int] = set()
    copies: set[int] = set()
    for i in range(n):
        roll = rng.random()
        if i > 10 and roll < 0.10:  # exact duplicate of an earlier original, same site, other URL
            j = rng.randrange(i)
            while j in exact:
                j = rng.randrange(i)
            source = articles[j]
            articles.append(
                Article(
                    url=f"https://{source.site}.example/copy/{i}.html",
                    site=source.site,
                    headline=source.headline,
                    body=source.body,
                    language=source.language,
                )
            )
            texts.append(texts[j])
            exact.add(i)
            continue
        lang = "ja" if i % 2 else "en"
        if i > 10 and roll < 0.20:  # near duplicate: an earlier original's story on another site
            j = rng.randrange(i)
            while j in exact or j in copies:  # copies are made of originals, so each known pair is one edit apart
                j = rng.randrange(i)
            copies.add(i)
            lang, sentences = texts[j]
            sentences = corpus.edit(sentences, lang)
            site = f"wire{i % 7}"
            pairs.add((j, i))
        else:
            sentences = corpus.body(lang)
            site = f"site{i % 5}"
            if rng.random() < 0.2:
                sentences = sentences + [BOILERPLATE[lang]]
        articles.append(
            Article(
                url=f"https://{site}.example/news/{i}.html",
                site=site,
                headline=corpus.sentence(lang)[:40],
                body="\n".join(sentences),
                language=lang,
            )
        )
        texts.append((lang, sentences))
    return articles, pairs, exact


def cluster_pairs(archive, index_of_id: dict[int, int]) -> set[tuple[int, int]]:
    """Every pair of articles (as indexes) that share a story cluster."""
    from sqlalchemy import select

    from newsarchive.store.models import ArticleRow

    groups: dict[int, list[int]] = {}
    with archive.engine.connect() as connection:
        for id_, cluster in connection.execute(
            select(ArticleRow.id, ArticleRow.cluster_id).where(ArticleRow.cluster_id.is_not(None))
        ):
            groups.setdefault(cluster, []).append(index_of_id[id_])
    return {tuple(sorted(p)) for members in groups.values() for p in combinations(members, 2)}


def same_story(pairs: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Every pair of one story: two near copies of one original are near copies of each other too."""
    story: dict[int, int] = {}
    for original, copy in sorted(pairs):
        story[copy] = story.get(original, original)
    groups: dict[int, list[int]] = {}
    for member, root in story.items():
        groups.setdefault(root, [root]).append(member)
    return {tuple(sorted(p)) for members in groups.values() for p in combinations(sorted(set(members)), 2)}


def scores(predicted: set, known: set) -> tuple[float, float]:
    hit = len(predicted & known)
    return (hit / len(predicted) if predicted else 1.0), (hit / len(known) if known else 1.0)


def run(n: int, batch: int, seed: int, sample: int, threshold: float) -> dict:
    articles, pairs, exact = make_articles(n, seed)
    with tempfile.TemporaryDirectory() as tmp:
        archive = open_archive(str(Path(tmp) / "dedup.db"), fts=False, similarity=threshold)
        times: list[float] = []
        results = []
        for start in range(0, n, batch):
            chunk = articles[start : start + batch]
            began = time.perf_counter()
            results += archive.save_articles(chunk)
            times.append((time.perf_counter() - began) / len(chunk))
        index_of_id = {r.id: i for i, r in enumerate(results) if r.status == "new"}
        exact_ok = sum(results[i].status == "duplicate" and results[i].id in index_of_id for i in exact)
        # A near copy must be stored as its own article: a known pair whose copy came back "duplicate" is missed.
        predicted = cluster_pairs(archive, index_of_id)
        archive.close()
    known = same_story(pairs)
    precision, recall = scores(predicted, known)
    tail = times[-max(1, len(times) // 10) :]

    # Reference: exact Jaccard for every pair of a sample holding known pairs and unrelated articles.
    rng = random.Random(seed + 1)
    chosen = sorted(
        {i for pair in rng.sample(sorted(pairs), min(len(pairs), sample // 4)) for i in pair}
        | set(rng.sample([i for i in range(n) if i not in exact], min(n - len(exact), sample // 2)))
    )
    shingles = {i: neardup.shingle_hashes(articles[i].body) for i in chosen}
    began = time.perf_counter()
    exact_pairs = set()
    compared = 0
    for a, b in combinations(chosen, 2):
        x, y = shingles[a], shingles[b]
        compared += 1
        if len(x & y) / len(x | y) >= threshold:
            exact_pairs.add((a, b))
    per_pair = (time.perf_counter() - began) / max(1, compared)
    in_sample = {p for p in known if p[0] in shingles and p[1] in shingles}
    ours_in_sample = {p for p in predicted if p[0] in shingles and p[1] in shingles}
    return {
        "n": n,
        "ms_all": 1000 * sum(times) / len(times),
        "ms_at_n": 1000 * sum(tail) / len(tail),
        "exact": (exact_ok, len(exact)),
        "pairs": len(known),
        "precision": precision,
        "recall": recall,
        "sample": len(chosen),
        "sample_pairs": len(in_sample),
        "ref_precision_recall": scores(exact_pairs, in_sample),
        "ours_sample": scores(ours_in_sample, in_sample),
        "brute_ms": 1000 * per_pair * n,
    }


def threshold_sweep(seed: int, count: int = 3000) -> list[tuple[float, float, float]]:
    """(threshold, precision, recall) of the estimated similarity over known pairs and unrelated pairs."""
    articles, pairs, exact = make_articles(count, seed + 2)
    sigs = {i: neardup.signature(a.body) for i, a in enumerate(articles) if i not in exact}
    rng = random.Random(seed)
    ids = sorted(sigs)
    unrelated = set()
    known = same_story(pairs)
    while len(unrelated) < 20 * len(known):
        a, b = sorted(rng.sample(ids, 2))
        if (a, b) not in known:
            unrelated.add((a, b))
    rows = []
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        hits = {p for p in known | unrelated if neardup.similarity(sigs[p[0]], sigs[p[1]]) >= threshold}
        rows.append((threshold, *scores(hits, known)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--sample", type=int, default=400)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    args = parser.parse_args()

    print(f"threshold {args.threshold}, batches of {args.batch}, fts off, seed {args.seed}\n")
    rows = [run(n, args.batch, args.seed, args.sample, args.threshold) for n in args.n]
    print(
        "| N | ms/article, whole run | ms/article at N (last tenth) | exact dups caught | known near pairs "
        "| precision | recall | sample | exact-Jaccard P / R (sample) | ours P / R (same sample) "
        "| brute-force check at N, ms/article |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        rp, rr = r["ref_precision_recall"]
        op, orr = r["ours_sample"]
        print(
            f"| {r['n']} | {r['ms_all']:.3f} | {r['ms_at_n']:.3f} | {r['exact'][0]}/{r['exact'][1]} | {r['pairs']} "
            f"| {r['precision']:.3f} | {r['recall']:.3f} | {r['sample']} ({r['sample_pairs']} pairs) "
            f"| {rp:.3f} / {rr:.3f} | {op:.3f} / {orr:.3f} | {r['brute_ms']:.1f} |"
        )
    if len(rows) > 1:
        print(
            f"\ncost at N, {rows[-1]['n']} vs {rows[0]['n']}: {rows[-1]['ms_at_n'] / rows[0]['ms_at_n']:.2f}x "
            f"(brute force: {rows[-1]['brute_ms'] / rows[0]['brute_ms']:.1f}x)"
        )
    print("\nthreshold sweep (estimated similarity, 3000 articles, known pairs vs 20x as many unrelated pairs):")
    print("| threshold | precision | recall |\n|---|---|---|")
    for threshold, precision, recall in threshold_sweep(args.seed):
        print(f"| {threshold} | {precision:.3f} | {recall:.3f} |")


if __name__ == "__main__":
    main()
