"""Word-aware wrapping with hanging indents (explainer.widgets.wrap)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from textual.content import Content

from explainer.widgets.wrap import NO_BREAK, Hanging, wrap_lines


def plain(lines: list[Content]) -> list[str]:
    return [line.plain for line in lines]


def test_wrapped_lines_stay_in_the_body_column():
    lines = Hanging.one("· 2. ", "The captured soldiers and their choice").lines(20)
    assert plain(lines) == ["· 2. The captured", "     soldiers and", "     their choice"]


def test_every_body_of_a_list_starts_in_the_same_column():
    lines = Hanging([("9. ", "nine"), ("10. ", "ten")]).lines(30)
    assert plain(lines) == ["9.  nine", "10. ten"]


def test_a_no_break_space_keeps_read_with_its_word():
    lines = Hanging.one("✓ 1. ", f"The offer{NO_BREAK}(read)").lines(17)
    assert plain(lines) == ["✓ 1. The", "     offer (read)"]  # shown as a plain space


def test_an_address_that_fits_stands_on_its_own_line():
    text = "See https://example.org/a/b for more"
    assert plain(wrap_lines(Content(text), 24)) == ["See", "https://example.org/a/b", "for more"]


def test_a_long_address_breaks_only_after_a_slash():
    url = "https://example.org/archive/council/minutes/2025/february/full-text.pdf"
    lines = plain(wrap_lines(Content(url), 30))
    assert "".join(lines) == url
    assert all(line.endswith("/") for line in lines[:-1])
    assert all(len(line) <= 30 for line in lines)


def test_a_narrow_column_puts_the_body_under_the_marker():
    lines = Hanging.one("2024-11-30  ", "Engineers survey the bridge").lines(16)
    assert plain(lines)[0] == "2024-11-30"
    assert plain(lines)[1:] == ["Engineers survey", "the bridge"]


def test_styles_survive_wrapping():
    content = Content.assemble(("bold words here", "bold"), " plain words")
    lines = wrap_lines(content, 10)
    assert plain(lines) == ["bold words", "here plain", "words"]
    assert lines[0].spans and lines[0].spans[0].style == "bold"


words = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P")), min_size=1, max_size=15)


@given(st.lists(words, min_size=1, max_size=30), st.integers(min_value=1, max_value=60))
def test_no_line_is_wider_than_the_width_and_no_word_is_lost(parts, width):
    from rich.cells import cell_len

    text = " ".join(parts)
    lines = wrap_lines(Content(text), width)
    assert all(cell_len(line.plain) <= max(width, 2) for line in lines)
    assert "".join("".join(lines_plain.split()) for lines_plain in plain(lines)) == "".join(text.split())
