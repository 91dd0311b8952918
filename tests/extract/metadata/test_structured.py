from newsarchive.extract.document.tree import parse
from newsarchive.extract.metadata.jsonld import loads_lenient
from newsarchive.extract.metadata.structured import read_structured


def structured(head: str, body: str = ""):
    return read_structured(parse(f"<html lang='de-AT'><head>{head}</head><body>{body}</body></html>"))


def ld(text: str) -> str:
    return f'<script type="application/ld+json">{text}</script>'


def test_lenient_json_tolerates_trailing_commas_raw_newlines_and_comments():
    assert loads_lenient('<!-- {"a": "x\ny", "b": [1, 2,],} -->') == [{"a": "x\ny", "b": [1, 2]}]


def test_lenient_json_reads_several_values_and_gives_up_quietly():
    assert loads_lenient('{"a": 1}\n{"b": 2};') == [{"a": 1}, {"b": 2}]
    assert loads_lenient("not json at all") == []
    assert loads_lenient("") == []


def test_news_article_inside_graph():
    record = structured(
        ld("""{"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Der Bote"},
        {"@type": "NewsArticle", "headline": "Brücke gesperrt", "datePublished": "2025-01-18T07:25:00+01:00",
         "author": [{"@type": "Person", "name": "Anna Berg"}, {"@type": "Organization", "name": "Der Bote"}],
         "articleSection": "Wien", "keywords": "Verkehr, Brücke", "inLanguage": "de"}]}""")
    )
    assert record.first("headline") == ("Brücke gesperrt", "jsonld")
    assert record.first("published") == ("2025-01-18T07:25:00+01:00", "jsonld")
    assert record.first("authors") == (["Anna Berg"], "jsonld")
    assert record.first("section") == ("Wien", "jsonld")
    assert record.first("tags") == (["Verkehr", "Brücke"], "jsonld")
    assert ("Der Bote", "jsonld") in record.get("site_name")


def test_top_level_array_and_broken_json_with_control_characters():
    record = structured(ld('[{"@type": "ReportageNewsArticle", "headline": "Line\tone", "articleBody": "A\nB",}]'))
    assert record.first("headline") == ("Line\tone", "jsonld")
    assert record.first("body") == ("A\nB", "jsonld")


def test_article_nested_in_main_entity_and_several_blocks():
    record = structured(
        ld('{"@type": "BreadcrumbList", "itemListElement": []}')
        + ld('{"@type": "WebPage", "mainEntity": {"@type": "BlogPosting", "headline": "Nested", "author": "Kim Lee"}}')
    )
    assert record.first("headline") == ("Nested", "jsonld")
    assert record.first("authors") == (["Kim Lee"], "jsonld")


def test_organisation_authors_only_when_no_person():
    record = structured(ld('{"@type": "NewsArticle", "author": {"@type": "Organization", "name": "AP"}}'))
    assert record.first("authors") == (["AP"], "jsonld")


def test_microdata_article():
    record = structured(
        "",
        """<article itemscope itemtype="https://schema.org/NewsArticle">
        <h1 itemprop="headline">Micro headline</h1>
        <time itemprop="datePublished" datetime="2024-03-01T10:00:00Z">1 March</time>
        <span itemprop="author" itemscope
              itemtype="https://schema.org/Person"><span itemprop="name">Jo Park</span></span>
        <div itemprop="articleBody"><p>Text.</p></div></article>""",
    )
    assert record.first("headline") == ("Micro headline", "microdata")
    assert record.first("published") == ("2024-03-01T10:00:00Z", "microdata")
    assert record.first("authors") == (["Jo Park"], "microdata")
    assert record.first("body_element")[0].tag == "div"


def test_opengraph_and_meta():
    record = structured("""
        <meta property="og:title" content="Headline | Paper">
        <meta property="og:url" content="https://paper.example/a">
        <meta property="og:image" content="https://paper.example/i.jpg">
        <meta property="og:locale" content="de_AT">
        <meta property="og:site_name" content="Paper">
        <meta property="article:published_time" content="2024-05-03T15:47:42Z">
        <meta property="article:modified_time" content="2024-05-04T08:00:00Z">
        <meta property="article:section" content="Politik">
        <meta property="article:tag" content="Wahl"><meta property="article:tag" content="EU">
        <meta name="author" content="Birgit Baumann">
        <meta name="description" content="Summary">
        <meta name="DC.date" content="2024-05-03">
        <link rel="canonical" href="https://paper.example/a">""")
    assert record.first("headline") == ("Headline | Paper", "meta")
    assert record.first("published") == ("2024-05-03T15:47:42Z", "meta")
    assert record.first("modified") == ("2024-05-04T08:00:00Z", "meta")
    assert record.first("section") == ("Politik", "meta")
    assert record.first("tags") == (["Wahl", "EU"], "meta")
    assert record.first("authors") == (["Birgit Baumann"], "meta")
    assert record.first("image") == ("https://paper.example/i.jpg", "meta")
    assert record.first("url") == ("https://paper.example/a", "meta")
    assert record.first("description") == ("Summary", "meta")
    assert [v for v, _ in record.get("language")] == ["de-AT", "de_AT"]
    assert ("Paper", "meta") in record.get("site_name")


def test_parsely_sailthru_and_citation_dates():
    assert (
        structured('<meta name="parsely-pub-date" content="2023-02-01T09:00:00Z">').first("published")[0]
        == "2023-02-01T09:00:00Z"
    )
    assert (
        structured('<meta name="sailthru.date" content="2023-02-02 09:00:00">').first("published")[0]
        == "2023-02-02 09:00:00"
    )
    assert (
        structured('<meta name="citation_publication_date" content="2023/02/03">').first("published")[0] == "2023/02/03"
    )


def test_jsonld_is_listed_before_meta():
    record = structured(
        ld('{"@type": "NewsArticle", "headline": "From JSON-LD"}') + '<meta property="og:title" content="From OG">'
    )
    assert [s for _, s in record.get("headline")] == ["jsonld", "meta"]


def test_escaped_entities_in_declared_values_are_decoded():
    record = structured(
        ld(
            '{"@type": "NewsArticle", "headline": "Samsung soll Smartphones zerst&ouml;ren",'
            ' "author": {"@type": "Person", "name": "J&uuml;rgen &quot;Jay&quot; M&uuml;ller"}}'
        )
    )
    assert record.first("headline") == ("Samsung soll Smartphones zerstören", "jsonld")
    assert record.first("authors") == (['Jürgen "Jay" Müller'], "jsonld")


def test_article_times_written_with_colons_instead_of_underscores_are_read():
    record = structured(
        '<meta property="article:published:time" content="2024-10-23T15:48:15+00:00">'
        '<meta property="article:modified:time" content="2024-10-23T15:48:17+00:00">'
    )
    assert record.first("published") == ("2024-10-23T15:48:15+00:00", "meta")
    assert record.first("modified") == ("2024-10-23T15:48:17+00:00", "meta")
