"""What a section points to (explainer.pack.links): glossary terms and "see" references."""

from __future__ import annotations

from explainer.pack import section_links


def test_the_bundled_offer_section_links_to_kursk_and_its_terms(bundled_pack):
    links = section_links(bundled_pack, bundled_pack.section("the-offer"))
    assert links.sections == ("kursk",)  # see "What happened in Kursk?"
    assert "Geneva Conventions" in links.terms and "Third country" in links.terms


def test_see_the_next_section_is_followed(mini_pack):
    section = mini_pack.section("the-vote").model_copy(update={"body": "More on this later (see the next section)."})
    assert section_links(mini_pack, section).sections == ("the-bridge",)


def test_see_section_number_and_titles_in_curly_quotes(mini_pack):
    section = mini_pack.section("the-vote").model_copy(
        update={"body": "See section 3, and see “The state of the bridge”; see section 99; see the previous section."}
    )
    assert section_links(mini_pack, section).sections == ("the-ferry", "the-bridge")


def test_terms_match_whole_words_in_any_case(mini_pack):
    section = mini_pack.section("the-vote").model_copy(update={"body": "Each PIER stands; spans; a referendum."})
    assert section_links(mini_pack, section).terms == ("Pier", "Referendum")  # "spans" is not "Span"
