"""Story clusters in the archive: the same wire story on two sites is two articles in one cluster."""

from newsarchive.store import open_archive

from .articles import treaty_article

REUTERS = "https://jp.reuters.example/world/2025/01/russia-iran-treaty"
# The wire text as another site runs it: a different headline, a sentence reworded, one added.
EDITED = treaty_article().body.replace("会談を行い、", "会談し、") + "\n条約は両国議会の批准を経て発効する。"
OTHER = (
    "日本銀行は24日の金融政策決定会合で、短期金利の誘導目標を0.5%程度に引き上げることを決めた。"
    "利上げは昨年7月以来で、政策金利は17年ぶりの水準となる。植田和男総裁が午後に記者会見する。"
)


def wire_copy(**changes):
    return treaty_article(
        url=REUTERS, site="reuters", pages=[REUTERS], headline="露イラン、包括的戦略条約に署名", body=EDITED, **changes
    )


def test_a_lightly_edited_wire_story_on_another_site_joins_the_story_cluster(archive):
    [original] = archive.save_articles([treaty_article()])
    [other] = archive.save_articles(
        [
            treaty_article(
                url=treaty_article().url.replace("530000", "530099"), pages=[], body=OTHER, headline="日銀が利上げ"
            )
        ]
    )
    [copy] = archive.save_articles([wire_copy()])
    assert copy.status == "new" and copy.clustered and copy.id != original.id
    [related] = archive.related(original.id)
    assert (related["id"], related["site"], related["headline"]) == (
        copy.id,
        "reuters",
        "露イラン、包括的戦略条約に署名",
    )
    assert 0.5 <= related["similarity"] < 1.0
    assert [r["id"] for r in archive.related(REUTERS)] == [original.id]
    assert archive.related(other.id) == []
    assert archive.get(original.id)["story_cluster"] == archive.get(copy.id)["story_cluster"] == original.id
    assert archive.get(other.id)["story_cluster"] is None


def test_english_and_german_near_copies_cluster_too(archive):
    english = (
        "Russian President Vladimir Putin and Iranian President Masoud Pezeshkian signed a 20-year "
        "comprehensive strategic partnership treaty in Moscow on Friday, deepening military ties. "
        "The treaty does not contain a mutual defence clause like the one in Russia's pact with North Korea."
    )
    german = (
        "Der russische Präsident Wladimir Putin und der iranische Präsident Massud Peseschkian haben in Moskau "
        "einen auf 20 Jahre angelegten umfassenden Partnerschaftsvertrag unterzeichnet. Eine gegenseitige "
        "Beistandsklausel wie im Vertrag Russlands mit Nordkorea enthält das Abkommen nicht."
    )
    saved = archive.save_articles(
        [
            treaty_article(
                url="https://a.example/en/1", site="a", pages=[], body=english, headline="Putin, Pezeshkian sign treaty"
            ),
            treaty_article(
                url="https://b.example/en/1",
                site="b",
                pages=[],
                headline="Russia and Iran sign pact",
                body=english.replace("on Friday, deepening", "on Friday, a move deepening"),
            ),
            treaty_article(
                url="https://a.example/de/1", site="a", pages=[], body=german, headline="Putin und Peseschkian"
            ),
            treaty_article(
                url="https://c.example/de/1",
                site="c",
                pages=[],
                headline="Russland und Iran",
                body=german.replace("haben in Moskau", "haben am Freitag in Moskau"),
            ),
        ]
    )
    en_a, en_b, de_a, de_c = (r.id for r in saved)
    assert [r["id"] for r in archive.related(en_a)] == [en_b]
    assert [r["id"] for r in archive.related(de_a)] == [de_c]


def test_the_threshold_is_an_archive_option(db):
    with open_archive(db, similarity=0.99) as archive:
        archive.save_articles([treaty_article()])
        [copy] = archive.save_articles([wire_copy()])
        assert not copy.clustered and archive.related(copy.id) == []


def test_the_index_survives_reopening(db):
    with open_archive(db) as archive:
        [original] = archive.save_articles([treaty_article()])
    with open_archive(db) as archive:
        [copy] = archive.save_articles([wire_copy()])
        assert [r["id"] for r in archive.related(copy.id)] == [original.id]


def test_saving_without_clusters_leaves_them_to_the_first_related_call(db):
    with open_archive(db, clusters=False) as archive:
        [original] = archive.save_articles([treaty_article()])
        [copy] = archive.save_articles([wire_copy()])
        assert not copy.clustered
        assert [r["id"] for r in archive.related(copy.id)] == [original.id]


def test_a_save_with_clusters_after_saves_without_them_indexes_those_first(db):
    with open_archive(db, clusters=False) as archive:
        [original] = archive.save_articles([treaty_article()])
    with open_archive(db) as archive:
        [copy] = archive.save_articles([wire_copy()])
        assert copy.clustered
        assert [r["id"] for r in archive.related(copy.id)] == [original.id]


def test_clusters_can_be_switched_off_by_environment(db, monkeypatch):
    from newsarchive.crawler.environment import open_user_archive  # the store itself reads no environment

    monkeypatch.setenv("NEWSARCHIVE_CLUSTERS", "0")
    with open_user_archive(db) as archive:
        assert archive.clusters is False
        archive.save_articles([treaty_article()])
        [copy] = archive.save_articles([wire_copy()])
        assert not copy.clustered


def test_catching_up_indexes_only_the_articles_saved_without_clusters(db):
    from newsarchive.store import clusters

    from .articles import simple_article

    short = simple_article(20, url="https://example.jp/short", headline="速報", body="速報です。")
    with open_archive(db) as archive:
        archive.save_articles([treaty_article(), short])
    other = simple_article(21, url="https://example.jp/boj", headline="日銀が利上げ", body=OTHER)
    with open_archive(db, clusters=False) as archive:
        archive.save_articles([wire_copy(), other])
        with archive.engine.begin() as connection:
            assert clusters.has_pending(connection)
            assert clusters.catch_up(connection, clusters.DEFAULT_THRESHOLD) == 2
            assert not clusters.has_pending(connection)
            assert clusters.catch_up(connection, clusters.DEFAULT_THRESHOLD) == 0


def test_saving_without_clusters_then_related_in_a_new_opening_builds_them(db):
    with open_archive(db, clusters=False) as archive:
        [original] = archive.save_articles([treaty_article()])
        [copy] = archive.save_articles([wire_copy()])
        assert not copy.clustered
    with open_archive(db) as archive:
        assert [r["id"] for r in archive.related(copy.id)] == [original.id]
