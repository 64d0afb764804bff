"""``metadata.toml`` [bylines], [dates], [titles], [names]: every cue word works where it is read
(``cleanpage.rules.metadata``)."""

from __future__ import annotations

import re

import pytest

from cleanpage.rules import RulesError, load_rules, parse_rules

from ._shared import AG_OK, BP_OK, CM_OK, CUES, byline_page, clean_dump, packaged_names, page_meta


@pytest.mark.parametrize("lead", CUES.leads)
def test_every_byline_lead_works(lead: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"{lead.title()} Jane Doe"], load_rules()) == ("Jane Doe",)
    # a label on its own, before the name's element
    page = page_meta(byline_page(f"<p><span>{lead.title()}</span> <a>Jane Doe</a></p>"))
    assert page.authors == ("Jane Doe",)


@pytest.mark.parametrize("lead", CUES.mid_leads)
def test_every_mid_lead_works_inside_a_text(lead: str) -> None:
    page = page_meta(byline_page(f"<div class='byline'>Posted on 12.03.2024 {lead} Jane Doe</div>"))
    assert page.authors == ("Jane Doe",)
    # not after a credit
    page = page_meta(byline_page(f"<div class='date'>12.03.2024 | Photo {lead} Jane Doe</div>"))
    assert page.authors == ()


@pytest.mark.parametrize("lead", CUES.line_leads)
def test_every_line_lead_makes_a_short_line_a_byline(lead: str) -> None:
    from cleanpage.pipeline.attribute import _is_person_byline

    rules = load_rules()
    assert _is_person_byline(f"{lead.capitalize()} Jane Doe", frozenset(), rules)
    assert not _is_person_byline(f"{lead.capitalize()} Jane Doe wrote a long letter to the council.", frozenset(), rules)
    assert not _is_person_byline("Vom Winde verweht", frozenset(), rules)  # "vom" opens ordinary lines


@pytest.mark.parametrize("verb", CUES.verbs)
def test_every_byline_verb_works(verb: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"{verb.title()} by Jane Doe"], load_rules()) == ("Jane Doe",)
    page = page_meta(byline_page(f"<p>{verb.title()} von Jane Doe</p>"))
    assert page.authors == ("Jane Doe",)


@pytest.mark.parametrize("role", (*CUES.roles, *CUES.plural_roles, *CUES.desk_roles))
def test_every_role_label_works(role: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"{role.title()}: Jane Doe"], load_rules()) == ("Jane Doe",)
    page = page_meta(byline_page(f"<p>{role.title()}: Jane Doe</p>"))
    assert page.authors == ("Jane Doe",)
    page = page_meta(byline_page(f"<div class='date'>12.03.2024 - {role.title()}: Jane Doe</div>"))
    assert page.authors == ("Jane Doe",)


@pytest.mark.parametrize("role", CUES.desk_roles)
def test_a_desk_role_without_a_colon_is_the_desk(role: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"{role.title()} Gelbe Liste"], load_rules()) == ()


@pytest.mark.parametrize("word", CUES.lead_only)
def test_lead_only_words_are_stripped_but_not_labels(word: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"{word.title()}: Jane Doe"], load_rules()) == ("Jane Doe",)
    page = page_meta("<html><body><ul><li><a>" + word.title() + "</a></li><li><a>Basics Today</a></li></ul>"
                      "<h1>Headline of the page</h1><p>Text.</p></body></html>")
    assert page.authors == ()


@pytest.mark.parametrize("photo", CUES.photo_words)
def test_every_photo_word_joins_a_text_credit(photo: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"Text & {photo.title()}: Jane Doe"], load_rules()) == ("Jane Doe",)


@pytest.mark.parametrize("credit", CUES.credit_words)
def test_every_credit_word_keeps_its_name_out(credit: str) -> None:
    page = page_meta(byline_page(f"<div class='date'>12.03.2024 {credit.title()} by Jane Doe</div>"))
    assert page.authors == ()


@pytest.mark.parametrize("token", CUES.byline_tokens)
def test_every_byline_class_token_works(token: str) -> None:
    page = page_meta(byline_page(f"<div class='post-{token}'>Jane Doe</div>"))
    assert page.authors == ("Jane Doe",)


@pytest.mark.parametrize("token", CUES.date_tokens)
def test_every_date_class_token_works(token: str) -> None:
    import datetime as _dt

    page = page_meta(byline_page(f"<span class='post-{token}'>12.03.2024</span>"))
    assert page.published == _dt.date(2024, 3, 12)


@pytest.mark.parametrize("word", CUES.author_paths)
def test_every_author_path_word_makes_a_link_name_the_author(word: str) -> None:
    page = page_meta(byline_page(f"<span><a href='https://news.example/{word}/jane-doe-12/'>Jane Doe</a></span>"))
    assert page.authors == ("Jane Doe",)
    # the link's text must spell its slug: a link to another page is no byline
    page = page_meta(byline_page(f"<span><a href='https://news.example/{word}/jane-doe/'>Alle Beiträge</a></span>"))
    assert page.authors == ()


@pytest.mark.parametrize("lead", CUES.date_leads)
def test_every_date_lead_is_stripped_before_the_date_is_read(lead: str) -> None:
    import datetime as _dt

    from cleanpage.pipeline.shared.dates import parse_visible_date

    assert CUES.date_lead.sub("", f"{lead.capitalize()}: 5 March 2024", count=1) == "5 March 2024"
    assert CUES.date_lead.sub("", f"{lead.capitalize()} Tuesday 5 March 2024", count=1) == "Tuesday 5 March 2024"
    assert parse_visible_date(f"{lead.capitalize()} Tuesday 5 March 2024", cues=CUES) == _dt.date(2024, 3, 5)


@pytest.mark.parametrize("word", CUES.clock_words)
def test_every_clock_word_may_follow_the_time_after_a_date(word: str) -> None:
    import datetime as _dt

    from cleanpage.pipeline.shared.dates import parse_visible_date

    assert parse_visible_date(f"12 de marzo de 2024 - 10:45 {word}", cues=CUES) == _dt.datetime(2024, 3, 12, 10, 45)
    assert parse_visible_date(f"12 de marzo de 2024 - 10:45 {word.upper()}", cues=CUES) == _dt.datetime(2024, 3, 12, 10, 45)
    # another word after the time: the time is not the date line's own
    assert parse_visible_date("12 de marzo de 2024 - 10:45 Madrid", cues=CUES) == _dt.date(2024, 3, 12)


@pytest.mark.parametrize("lead", CUES.end_leads)
def test_every_end_lead_names_the_author_at_a_dated_lines_end(lead: str) -> None:
    import datetime as _dt

    page = clean_dump(f"Posted on 2 March 2024 {lead} Jane Doe")
    assert (page.authors, page.published) == (("Jane Doe",), _dt.date(2024, 3, 2))


@pytest.mark.parametrize("verb", CUES.line_verbs)
def test_every_dated_line_verb_is_stripped_before_the_date(verb: str) -> None:
    import datetime as _dt

    # "Tuesday, 5 March" after a word dateparser does not know is read only without that word
    assert clean_dump(f"{verb.capitalize()} Tuesday, 5 March 2024").published == _dt.date(2024, 3, 5)
    assert clean_dump(f"{verb.capitalize()}: Tuesday, 5 March 2024 by Jane Doe").published == _dt.date(2024, 3, 5)


@pytest.mark.parametrize("preposition", CUES.line_prepositions)
def test_every_dated_line_preposition_is_stripped_before_the_date(preposition: str) -> None:
    import datetime as _dt

    assert clean_dump(f"Posted {preposition} Tuesday, 5 March 2024").published == _dt.date(2024, 3, 5)


@pytest.mark.parametrize("join", CUES.name_joins)
def test_every_name_join_splits_a_byline_into_names(join: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"Jane Doe {join} John Roe"], load_rules()) == ("Jane Doe", "John Roe")
    assert clean_authors([f"By Jane Doe {join.upper()} John Roe"], load_rules()) == ("Jane Doe", "John Roe")
    # only a whole word: "Jane Andra" is one name
    assert clean_authors([f"Jane {join.capitalize()}ra"], load_rules()) == (f"Jane {join.capitalize()}ra",)


@pytest.mark.parametrize("join", CUES.interview_joins)
def test_every_interview_join_names_both_people(join: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"Jane Doe {join} John Roe"], load_rules()) == ("Jane Doe", "John Roe")


@pytest.mark.parametrize("preposition", CUES.date_prepositions)
def test_every_date_preposition_ends_the_name_of_a_byline(preposition: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"By Jane Doe {preposition} Saturday, 19 October 2019"], load_rules()) == ("Jane Doe",)
    assert clean_authors([f"Von Jane Doe {preposition} 19. Oktober 2019 um 11:14 Uhr"], load_rules()) == ("Jane Doe",)


@pytest.mark.parametrize("word", CUES.category_words)
def test_every_category_word_ends_the_name_of_a_byline(word: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"VON Jane Doe {word.upper()} Fashion"], load_rules(), led=True) == ("Jane Doe",)
    assert clean_authors([f"by Jane Doe {word} News"], load_rules(), led=True) == ("Jane Doe",)


@pytest.mark.parametrize("particle", CUES.name_particles)
def test_every_name_particle_may_stand_inside_a_name(particle: str) -> None:
    from cleanpage.pipeline.shared.names import person_name

    assert person_name(f"Jane {particle} Doe", load_rules()) == f"Jane {particle} Doe"
    assert person_name("Jane zzz Doe", load_rules()) is None  # another lower-case word is no name's


@pytest.mark.parametrize("suffix", CUES.org_suffixes)
def test_every_org_suffix_makes_a_compound_an_organisation(suffix: str) -> None:
    from cleanpage.pipeline.shared.names import person_name

    assert person_name(f"Deutscher Landes{suffix}", load_rules()) is None
    assert person_name("Deutscher Landesmeister", load_rules()) == "Deutscher Landesmeister"


@pytest.mark.parametrize("title", packaged_names("titles"))
def test_every_name_title_is_read_over(title: str) -> None:
    cues = load_rules().cues
    assert cues.name_titles.sub("", f"{title.capitalize()}. Jane Doe") == "Jane Doe"
    assert cues.name_titles.sub("", f"{title.capitalize()}.-Ing. Jane Doe") == "Jane Doe"
    assert cues.name_titles.sub("", f"{title.capitalize()}ana Doe") == f"{title.capitalize()}ana Doe"


@pytest.mark.parametrize("credential", packaged_names("credentials"))
def test_every_credential_is_read_as_one_and_not_as_a_name(credential: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    written = credential.upper()
    assert clean_authors([f"Jane Doe, {written}"], load_rules()) == ("Jane Doe",)
    assert clean_authors([f"Jane Doe, {written}, John Roe"], load_rules()) == ("Jane Doe", "John Roe")


@pytest.mark.parametrize("part", CUES.account_parts)
def test_every_account_part_makes_a_handle_a_cms_account(part: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"wordpress{part}"], load_rules(), single_ok=True) == ()
    assert clean_authors([f"{part.capitalize()}2"], load_rules(), single_ok=True) == ()
    assert clean_authors(["Heiko"], load_rules(), single_ok=True) == ("Heiko",)


@pytest.mark.parametrize("stem", CUES.change_stems)
def test_every_change_stem_makes_a_date_line_the_last_change(stem: str) -> None:
    import datetime as _dt

    # the first date element is the last change: the publication is the next one
    page = page_meta(byline_page(f"<span class='date'>{stem.capitalize()}: 25.01.2022</span>"
                                   "<span class='date'>12.01.2022</span>"))
    assert page.published == _dt.date(2022, 1, 12)
    page = page_meta(byline_page(f"<span class='date'>Zuletzt {stem}et 25.01.2022</span>"
                                   "<span class='date'>12.01.2022</span>"))
    assert page.published == _dt.date(2022, 1, 12)
    # a line under the headline about a change is passed over
    page = page_meta("<html><body><h1>Headline of the page</h1>"
                      f"<p>{stem.capitalize()} 25. Januar 2022</p><p>12. Januar 2022</p><p>Text.</p></body></html>")
    assert page.published == _dt.date(2022, 1, 12)


def test_given_names_are_lower_case_words() -> None:
    assert len(CUES.given_names) >= 500
    assert all(n == n.lower() and " " not in n for n in CUES.given_names)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('given = [', 'given = ["Jane", ', "lower case"),
        ('titles = ["dr",', 'titles = ["Dr",', "lower case"),
        ('author_paths = ["author",', 'author_paths = ["Author",', "lower case"),
        ('leads = ["by",', 'leads = ["By",', "lower case"),
        ('leads = ["by",', 'leads = ["by", "by",', "listed twice"),
        ('mid_leads = ["by",', 'mid_leads = ["bei", "by",', "must also be a lead"),
        ('line_leads = ["by",', 'line_leads = ["bei", "by",', "must also be a lead"),
        ("[dates]", "[dates]\nlabels = []", "unknown key"),
        ('lead_only = ["interview"]', "lead_only = []", "must not be empty"),
        ('class_tokens = ["date",', 'class_tokens = ["da te",', "lower case"),
        ('clock_words = ["uhr",', 'clock_words = ["Uhr",', "lower case"),
        ('end_leads = ["by",', 'end_leads = ["bei", "by",', "must also be a lead"),
        ('name_particles = ["van",', 'name_particles = ["Van",', "lower case"),
        ('interview_joins = ["im gespräch mit",', 'interview_joins = ["im  gespräch mit",', "single spaces"),
        ('change_stems = ["updat",', 'change_stems = ["updat", "Edited",', "lower case"),
        ('time_words = ["uhr",', 'time_words = ["Uhr",', "lower case"),
        ('relative_after = ["ago", "her"]', "relative_after = []", "must not be empty"),
        ('relative_before = ["vor",', 'relative_before = ["vor", "vor",', "listed twice"),
        ('non_title_leads = ["by",', 'non_title_leads = ["By",', "lower case"),
        ("\n[titles]\n", "\n[titles]\nleads = []\n", "unknown key"),
        ('photo_joins = ["und",', 'photo_joins = ["Und",', "lower case"),
        ('elsewhere_tokens = ["comment",', 'elsewhere_tokens = ["com ment",', "lower-case letters, digits"),
        ('side_box_tokens = ["sidebar", "footer"]', 'side_box_tokens = ["sidebar", "aside"]',
         "must also be elsewhere_tokens"),
        ('headline_tokens = ["entry-title",', 'headline_tokens = ["Entry-Title",', "lower-case letters, digits"),
        ("author_box_patterns = ['author", "author_box_patterns = ['(?:x)?', 'author", "matches the empty string"),
        ("author_box_patterns = ['author", "author_box_patterns = ['byline-card', 'author",
         "matches none of author_box_examples"),
        ('author_box_examples = ["author-bio",', 'author_box_examples = ["bio-card", "author-bio",',
         "matches no author_box_patterns"),
        ("\n[markup]\n", "\n[markup]\nboxes = []\n", "unknown key"),
        ('weak_published = ["date",', 'weak_published = ["nodate", "date",', "must also be published"),
        ('published = ["article:published_time",', 'published = ["Article:published_time",', "lower-case name"),
        ('modified = ["article:modified_time",', 'modified = ["article modified",', "name without spaces"),
        ('article_types = ["Article",', 'article_types = ["News Article",', "name without spaces"),
        ("\n[head]\n", "\n[head]\nmeta = []\n", "unknown key"),
    ],
)
def test_bad_metadata_tables_are_rejected(old: str, new: str, message: str) -> None:
    from importlib import resources

    text = (resources.files("cleanpage.rules") / "metadata.toml").read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(RulesError, match=re.escape(message)):
        parse_rules(BP_OK, AG_OK, CM_OK, text.replace(old, new, 1))


@pytest.mark.parametrize("label", CUES.publication_labels)
def test_every_publication_label_makes_the_visible_date_win(label: str) -> None:
    import datetime as _dt

    html = ("<html><head><meta property='article:published_time' content='2022-01-15'></head><body>"
            f"<h1>Headline of the page</h1><span class='date'>{label.title()}: 25.01.2022</span><p>x</p></body></html>")
    assert page_meta(html).published == _dt.date(2022, 1, 25)


@pytest.mark.parametrize("word", CUES.time_words)
def test_every_time_word_leaves_a_meta_line_with_its_time(word: str) -> None:
    from cleanpage.pipeline.html.metadata.authors import _dated_name

    for written in (word, word.capitalize()):
        line = f"04.02.2022 | 13:10 {written} | Uta Helkenberg"
        assert _dated_name([line], load_rules(), frozenset()) == ("Uta Helkenberg",), line
    assert _dated_name(["04.02.2022 | 13:10 Zeit | Uta Helkenberg"], load_rules(), frozenset()) == ()


@pytest.mark.parametrize(("word", "text"), [*((w, f"3 days {w}") for w in CUES.relative_after),
                                            *((w, f"{w} 3 jours") for w in CUES.relative_before)])
def test_every_relative_date_word_makes_a_comment_date_worth_reading(word: str, text: str) -> None:
    import datetime as _dt

    from cleanpage.pipeline.html.comment_items import CommentDates as _Dates

    assert CUES.relative.search(text) is not None
    assert CUES.relative.search(text.upper()) is not None
    assert CUES.relative.search("3 days later") is None
    dates = _Dates(_dt.datetime(2024, 3, 10, 12), None, CUES)
    dates.parse(text)
    assert dates.budget < 80  # read: a dateparser call was spent on it
    unread = _Dates(_dt.datetime(2024, 3, 10, 12), None, CUES)
    unread.parse("3 days later")
    assert unread.budget == 80


@pytest.mark.parametrize("lead", CUES.non_title_leads)
def test_every_non_title_lead_keeps_a_line_from_being_the_title(lead: str) -> None:
    from cleanpage.pipeline.blocks import Label
    from cleanpage.pipeline.text.blocks import build_blocks as text_blocks
    from cleanpage.pipeline.text.classify import classify as classify_text
    from tests._prose import PARA_A, PARA_B

    assert CUES.not_title.search(f"{lead.capitalize()} the riverside team") is not None
    assert CUES.not_title.search(f"{lead.capitalize()}x the riverside team") is None  # a whole word
    line = f"{lead.capitalize()} the Riverside Team"
    dump = f"Council approves new budget for the town\n\n{line}\n\n{PARA_A}\n\n{PARA_B}\n"
    labelled = classify_text(text_blocks(dump), load_rules())
    titles = [item.block.text for item in labelled if item.label is Label.TITLE]
    assert titles == ["Council approves new budget for the town"], (line, titles)


@pytest.mark.parametrize("join", CUES.photo_joins)
def test_every_photo_join_joins_a_text_credit(join: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"Text {join} Fotos: Jane Doe"], load_rules()) == ("Jane Doe",)


@pytest.mark.parametrize("lead", sorted(CUES.lead_languages))
def test_every_lead_counts_for_a_shown_team_only_in_its_languages(lead: str) -> None:
    """[bylines] lead_languages: "Door Redactie Binnenland" is a desk's byline on a Dutch page; on a
    page in a language the lead is no byline word of, the line names no team."""
    own = min(CUES.lead_languages[lead])
    other = next(code for code in ("en", "de", "fr", "nl", "ja") if code not in CUES.lead_languages[lead])
    line = f"<p><span>{lead.title()}</span> <b>Mobile Hardware Desk</b></p>"
    assert page_meta(byline_page(line).replace("<html>", f"<html lang='{own}'>")).authors == ("Mobile Hardware Desk",)
    assert page_meta(byline_page(line).replace("<html>", f"<html lang='{other}'>")).authors == ()


def test_the_lead_languages_table_gives_every_lead_its_languages() -> None:
    from importlib import resources

    text = (resources.files("cleanpage.rules") / "metadata.toml").read_text(encoding="utf-8")
    for old, new in (('door = ["nl"]\n', ""), ('door = ["nl"]', 'door = []'), ('door = ["nl"]', 'door = ["NL"]')):
        assert old in text
        with pytest.raises(RulesError, match="lead_languages"):
            parse_rules(BP_OK, AG_OK, CM_OK, text.replace(old, new, 1))


@pytest.mark.parametrize("word", packaged_names("source_leads", "bylines"))
def test_every_source_lead_makes_a_byline_element_a_maker_line(word: str) -> None:
    assert page_meta(byline_page(f"<div class='byline'>{word.title()} Acme Audio</div>")).authors == ()
    assert page_meta(byline_page("<div class='byline'>Acme Audio</div>")).authors == ("Acme Audio",)


@pytest.mark.parametrize("word", packaged_names("class_not", "bylines"))
def test_every_class_not_word_keeps_an_element_from_being_a_byline(word: str) -> None:
    assert page_meta(byline_page(f"<div class='{word}ed-dealer'>Jane Doe</div>")).authors == ()


@pytest.mark.parametrize("word", packaged_names("topic_paths", "bylines"))
def test_every_topic_path_word_makes_a_byline_link_a_subject(word: str) -> None:
    for href in (f"/{word}/health-care", f"/blog/?{word}=906"):
        page = page_meta(byline_page(f"<div class='byline'>By <a href='{href}'>Health Care</a></div>"))
        assert page.authors == ()
    page = page_meta(byline_page("<div class='byline'>By <a href='/people/jane-doe'>Jane Doe</a></div>"))
    assert page.authors == ("Jane Doe",)


@pytest.mark.parametrize("word", packaged_names("job_words", "bylines"))
def test_every_job_word_ends_a_byline_s_names(word: str) -> None:
    from cleanpage.pipeline.shared.names import clean_authors

    assert clean_authors([f"Jane Doe, Senior {word.title()}, Acme Widgets"], load_rules()) == ("Jane Doe",)


@pytest.mark.parametrize("prop", CUES.markup.response_types)
def test_every_response_property_makes_its_author_markup_a_reviewer(prop: str) -> None:
    review = (f"<div itemscope itemtype='http://schema.org/Product'><div itemprop='{prop}' itemscope>"
              "by <span itemprop='author'>Jane Doe</span></div></div>")
    assert page_meta(byline_page(review)).authors == ()


def test_date_units_are_three_characters_each() -> None:
    from pathlib import Path

    from cleanpage.rules.metadata import compile_metadata
    from cleanpage.rules.schema import tomllib

    path = Path(__file__).resolve().parents[2] / "src" / "cleanpage" / "rules" / "metadata.toml"
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    assert compile_metadata(doc).date_in_line.search("2024年3月5日")
    doc["dates"]["date_units"] = ["年月"]
    with pytest.raises(RulesError):
        compile_metadata(doc)


@pytest.mark.parametrize("label", sorted(CUES.section_labels))
def test_every_section_label_is_read_whole_as_written_on_a_page(label: str) -> None:
    from cleanpage.rules.metadata import section_key

    assert section_key(f"  {label.upper()}: ") in CUES.section_labels
    assert section_key(f"{label.capitalize()} of the harbour repairs") not in CUES.section_labels
