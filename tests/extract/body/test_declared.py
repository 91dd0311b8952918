from newsarchive.extract import extract_article
from newsarchive.extract.body.declared import reconcile

LEAD = "The city will close the old bridge for two years, the council decided after a long debate."
P1 = "The council voted on Tuesday to close the old bridge, citing safety concerns raised by engineers."
P2 = "Repairs will take at least two years, and traffic will be diverted through the northern district."
P3 = "Shop owners near the bridge said they feared losing customers during the long months of works."
HEADING = "What happens to traffic"
DECLARED = " ".join([P1, P2, P3])  # one run of text, as many publishers declare it


def test_page_lines_keep_the_subheading_and_standfirst_a_one_paragraph_declaration_lacks():
    lines = [LEAD, P1, HEADING, P2, P3]
    assert reconcile(DECLARED, lines) == lines


def test_lines_after_the_last_declared_line_leave():
    lines = [P1, P2, P3, "Get the app", "Follow us for the latest news on the bridge and everything else in town."]
    assert reconcile(DECLARED, lines) == [P1, P2, P3]


def test_an_undeclared_paragraph_inside_the_body_leaves_but_a_short_heading_stays():
    teaser = "Read our earlier report on how the bridge was built more than a century ago by local workers."
    assert reconcile(DECLARED, [P1, teaser, HEADING, P2, P3]) == [P1, HEADING, P2, P3]


def test_three_undeclared_short_lines_inside_the_body_are_a_poll_and_leave():
    poll = ["Which route will you take?", "The ring road", "The ferry", "I will stay home"]
    assert reconcile(DECLARED, [P1, P2, *poll, P3]) == [P1, P2, P3]


def test_a_page_that_misses_much_of_the_declared_text_is_not_reconciled():
    assert reconcile(DECLARED, [P1, "Subscribe to read the rest of this article."]) is None


def test_one_paragraph_jsonld_body_gives_way_to_the_pages_paragraphs_and_subheading():
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge closes",'
        f' "articleBody": "{DECLARED}"}}</script>'
    )
    body = f"<article><h1>Bridge closes</h1><p>{P1}</p><h2>{HEADING}</h2><p>{P2}</p><p>{P3}</p></article>"
    html = f"<html lang='en'><head>{ld}</head><body>{body}</body></html>"
    assert extract_article("https://p.example/a", html).body.splitlines() == [P1, HEADING, P2, P3]


def test_a_declaration_that_runs_subheadings_into_short_paragraphs_still_confirms_the_page():
    sections = [
        (f"Part {word}", f"The {word} section tells readers what changed on the bridge this week.")
        for word in ("one", "two", "three", "four", "five", "six")
    ]
    lines = [line for section in sections for line in section]
    assert reconcile(" ".join(lines), lines) == lines
