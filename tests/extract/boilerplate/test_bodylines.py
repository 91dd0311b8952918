from newsarchive.extract.boilerplate.bodylines import drop_furniture_lines, is_appeal, is_label

LEAD = (
    "The council voted on Tuesday to close the old bridge, citing safety concerns raised by engineers "
    "after an inspection in the spring."
)
PARA = "Repairs will take at least two years, and traffic will be diverted through the northern district."


def test_advertisement_and_read_more_labels_in_several_languages_are_labels():
    for label in ("Advertisement", "Anzeige", "Publicité", "Czytaj więcej", "Read more:", "広告"):
        assert is_label(label), label


def test_lines_without_letters_are_labels_but_short_sentences_are_not():
    assert is_label("+++") and is_label("2 / 3") and is_label("0")
    assert not is_label("Two years of work")


def test_byline_and_dateline_above_the_first_paragraph_are_dropped():
    lines = ["Stand: 22.04.2024, 06:00 Uhr", "Von Nina Magoley", LEAD, "Advertisement", PARA]
    assert drop_furniture_lines(lines) == [LEAD, PARA]


def test_short_lines_with_dates_after_the_first_paragraph_are_kept():
    lines = [LEAD, "On 12.03.2024 the bridge closed", PARA]
    assert drop_furniture_lines(lines) == lines


def test_a_subhead_before_the_first_paragraph_is_kept():
    lines = ["What the council decided", LEAD, PARA]
    assert drop_furniture_lines(lines) == lines


def test_calls_to_subscribe_register_or_donate_are_appeals_in_several_languages():
    for line in (
        "Registration is a free and easy way to support our journalism.",
        "Ground Game: Sign up for AP’s weekly politics newsletter to get it in your inbox every Monday.",
        "Jetzt abonnieren und von der Vorlesefunktion profitieren.",
        "Dann unterstützen Sie uns bitte mit einer Spende.",
        "Article réservé aux abonnés",
    ):
        assert is_appeal(line), line


def test_news_about_donations_and_subscriptions_is_not_an_appeal():
    for line in (
        "The Prime Minister said he would continue to accept donations from the peer.",
        "Strava is now throwing its weight behind a family plan to entice bulk subscriptions.",
        "Die Opfer und ihre Familien werden eine finanzielle Unterstützung erhalten.",
    ):
        assert not is_appeal(line), line


def test_appeal_between_paragraphs_is_dropped():
    lines = [LEAD, "Jetzt abonnieren und von der Vorlesefunktion profitieren.", PARA]
    assert drop_furniture_lines(lines) == [LEAD, PARA]


def test_a_long_closing_appeal_box_and_its_title_are_dropped():
    appeal = (
        "Good local reporting needs readers who stand behind it. " * 4
        + "Do you agree? Then support our journalism with a monthly contribution. Join now"
    )
    assert len(appeal) > 300
    body = [LEAD, PARA, PARA + " More.", PARA + " Again.", PARA + " Still.", PARA + " Last."]
    assert drop_furniture_lines([*body, "Read local, act local", appeal]) == body


def test_a_long_paragraph_mentioning_an_appeal_mid_body_stays():
    long_para = (
        "The charity said it will ask people to support our journalism fund, a phrase its director "
        "repeated at every meeting. " * 3
    )
    lines = [LEAD, long_para, PARA]
    assert drop_furniture_lines(lines) == lines


def test_broadcast_slot_and_source_credit_after_the_last_paragraph_are_dropped():
    lines = [LEAD, PARA, "Sendung: Antenne Brandenburg, 24.04.2024, 15:10 Uhr", "Quelle: dpa"]
    assert drop_furniture_lines(lines) == [LEAD, PARA]


def test_short_closing_sentence_with_a_time_stays():
    lines = [LEAD, PARA, "The match starts at 20:45."]
    assert drop_furniture_lines(lines) == lines


def test_box_label_and_teaser_titles_after_the_last_paragraph_are_dropped():
    lines = [LEAD, PARA, "Most read", "Mayor opens new library", "Storm closes schools across the county"]
    assert drop_furniture_lines(lines) == [LEAD, PARA]


def test_a_short_question_heading_a_box_after_the_last_paragraph_is_dropped():
    for prompt in ("Schon gelesen?", "War dieser Artikel hilfreich?", "Already a subscriber?"):
        assert drop_furniture_lines([LEAD, PARA, prompt]) == [LEAD, PARA]


def test_a_body_ending_on_a_question_asked_in_a_sentence_keeps_it():
    question = "Will the new bridge be ready before the old one has to close for good?"
    assert drop_furniture_lines([LEAD, PARA, question]) == [LEAD, PARA, question]
    assert drop_furniture_lines([LEAD, PARA, "Why?"]) == [LEAD, PARA, "Why?"]


def test_a_body_ending_on_a_quoted_sentence_keeps_it():
    lines = [LEAD, PARA, "„Wir bauen sie wieder auf“"]
    assert drop_furniture_lines(lines) == lines


def test_a_body_ending_on_a_long_list_of_short_items_keeps_the_list():
    items = [
        "Bread and flour",
        "Milk, butter and cheese",
        "Fresh fruit and vegetables",
        "Tinned fish",
        "Rice and pasta",
        "Coffee and tea",
        "Sugar and salt",
    ]
    lines = [LEAD, "The shop sells:", *items]
    assert drop_furniture_lines(lines) == lines


def test_a_japanese_label_after_the_body_is_dropped_but_a_long_list_line_stays():
    ja = "ロシアのプーチン大統領とイランのペゼシュキアン大統領は17日、モスクワで会談を行い、条約に署名した。"
    listed = "大分県：大分市、臼杵市、佐伯市、竹田市、豊後大野市、由布市、国東市"
    assert drop_furniture_lines([ja, "おすすめ情報"]) == [ja]
    assert drop_furniture_lines([ja, listed]) == [ja, listed]


def test_a_long_paragraph_printed_twice_is_read_once():
    assert drop_furniture_lines([LEAD, PARA, LEAD]) == [LEAD, PARA]


def test_short_lines_that_repeat_stay_every_time():
    lines = [LEAD, "Price: 20 euros", PARA, "Price: 20 euros", "Two year warranty on parts", PARA + " Then."]
    assert drop_furniture_lines(lines + ["Two year warranty on parts", PARA + " End."]) == lines + [
        "Two year warranty on parts",
        PARA + " End.",
    ]


def test_a_closing_contact_box_is_dropped():
    for label in ("Kontakt:", "Pressekontakt", "Media contact:", "Ansprechpartnerin"):
        lines = [LEAD, PARA, label, "Dr. Jane Doe", "Press office of the institute", "E-Mail: jane@example.org"]
        assert drop_furniture_lines(lines, laid_out=lines[3:]) == [LEAD, PARA], label


def test_a_contact_label_followed_by_text_is_kept():
    lines = [LEAD, "Contact", PARA, PARA + " Again, with more words to make it a paragraph of its own length."]
    assert drop_furniture_lines(lines) == lines


def test_closing_copyright_notices_are_dropped():
    for notice in (
        "© 2020 CBS Interactive Inc. All Rights Reserved.",
        "This document is subject to copyright. Apart from any fair dealing, no part may be reproduced.",
        "Alle Rechte vorbehalten.",
        "2022 - Todos los derechos reservados.",
    ):
        assert drop_furniture_lines([LEAD, PARA, notice]) == [LEAD, PARA], notice


def test_a_sentence_about_copyright_inside_the_body_is_kept():
    line = "The court ruled that the photographs were protected by copyright, and the publisher appealed the ruling."
    assert drop_furniture_lines([LEAD, line, PARA]) == [LEAD, line, PARA]


def test_explore_further_is_a_label():
    assert is_label("Explore further")


def test_closing_comment_policies_and_prompts_are_dropped():
    for notice in (
        "Please understand that comments are moderated and it is not always possible to publish all.",
        "Bitte achten Sie darauf, dass Ihre Kommentare themenbezogen sind.",
        "Leave a comment",
        "ATENÇÃO: Comentários com textos ininteligíveis não serão aprovados pelo moderador.",
    ):
        assert drop_furniture_lines([LEAD, PARA, notice]) == [LEAD, PARA], notice


def test_a_story_ending_on_someone_who_declined_to_comment_keeps_its_last_line():
    last = "A spokesman for the ministry declined to comment on the report when reached on Tuesday."
    assert drop_furniture_lines([LEAD, PARA, last]) == [LEAD, PARA, last]


def test_a_read_more_label_run_into_its_title_is_a_label():
    for line in (
        "Czytaj też: Wyścig zbrojeń ruszył z kopyta",
        "Read more: Looted colonial art",
        "Lesen Sie auch: Neue Regeln",
    ):
        assert is_label(line), line
    assert drop_furniture_lines([LEAD, "Read more: Looted colonial art", PARA]) == [LEAD, PARA]


def test_a_sentence_that_starts_like_a_prompt_is_not_a_label():
    assert not is_label("Read more carefully, the judge told the lawyers, and the hearing was adjourned.")


def test_source_and_picture_credits_on_their_own_line_are_labels():
    for line in ("Foto: Ingo Pertramer", "Quelle: Landesregierung", "(Source: Reuters)", "Bild: Werk/CHRISTIAN HOUDEK"):
        assert is_label(line), line
    assert drop_furniture_lines([LEAD, "Quelle: Landesregierung", PARA]) == [LEAD, PARA]


def test_a_sentence_about_a_source_is_not_a_credit():
    line = "Source: a senior official, who asked not to be named, said the talks had failed after midnight."
    assert not is_label(line)


def test_a_comment_count_after_the_article_cuts_the_comment_section_under_it_however_long():
    comments = ["Anna:", "I drove over that bridge every day for twenty years and never once felt unsafe on it. " * 5]
    for count in ("27 commentaires", "3 Kommentare", "One comment", "5 thoughts on “Council closes the bridge”"):
        assert drop_furniture_lines([LEAD, PARA, LEAD.upper(), PARA.upper(), count, *comments]) == [
            LEAD,
            PARA,
            LEAD.upper(),
            PARA.upper(),
        ]


def test_a_comment_counter_above_the_article_and_a_sentence_about_comments_stay():
    lines = [LEAD, "12 comments", PARA, "12 comments on the plan came in, none of them kind.", LEAD.upper()]
    assert drop_furniture_lines(lines) == lines
