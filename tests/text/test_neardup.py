"""Near-duplicate signatures: light edits stay similar, unrelated text does not, in Japanese and English."""

from newsarchive.text import neardup

JA = (
    "ロシアのプーチン大統領とイランのペゼシュキアン大統領は17日、モスクワで会談を行い、"
    "有効期間20年の包括的戦略パートナーシップ条約に署名した。ただ、相互防衛条項は含まれていなかった。"
)
EN = (
    "Russian President Vladimir Putin and Iranian President Masoud Pezeshkian signed a 20-year strategic "
    "partnership treaty in Moscow, deepening military ties, though it lacks a mutual defence clause."
)


def test_japanese_is_cut_into_characters_and_other_text_into_words():
    assert neardup.tokens("条約に署名 Treaty signed, ２０年") == [
        "条",
        "約",
        "に",
        "署",
        "名",
        "treaty",
        "signed",
        "20",
        "年",
    ]


def test_a_lightly_edited_copy_is_similar_and_unrelated_text_is_not():
    edited = JA.replace("会談を行い、", "会談し、")
    assert neardup.similarity(neardup.signature(JA), neardup.signature(edited)) >= 0.6
    assert neardup.similarity(neardup.signature(JA), neardup.signature(EN)) < 0.1
    english = EN.replace("in Moscow,", "in Moscow on Friday,")
    assert neardup.similarity(neardup.signature(EN), neardup.signature(english)) >= 0.5


def test_the_estimate_follows_the_exact_jaccard():
    edited = JA.replace("会談を行い、", "会談し、")
    assert (
        abs(neardup.similarity(neardup.signature(JA), neardup.signature(edited)) - neardup.jaccard(JA, edited)) < 0.15
    )


def test_signatures_and_band_keys_are_stable_and_round_trip():
    sig = neardup.signature(EN)
    assert len(sig) == neardup.PERMUTATIONS and neardup.unpack(neardup.pack(sig)) == sig
    assert neardup.band_keys(sig) == neardup.band_keys(neardup.signature(EN))
    assert all(0 <= key < 2**63 for key in neardup.band_keys(sig))


def test_too_short_a_text_has_no_signature():
    assert neardup.signature("速報") is None
