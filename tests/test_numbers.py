"""Numbers as news writes them: every national format read to its value, or to None, never an error."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spacereader.engine.align import _number_value
from spacereader.engine.numbers import DIGITS, parse_number, read_digits

_DIGITS = re.compile(DIGITS)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,234.56", 1234.56),  # English: comma thousands, decimal point
        ("2,148.5", 2148.5),
        ("33,123.45", 33123.45),
        ("1,000,000", 1_000_000),
        ("1.234,56", 1234.56),  # German, Spanish, Italian ...: point thousands, decimal comma
        ("1.234.567", 1_234_567),  # two point groups: thousands, never a decimal point
        ("1\u00a0234,56", 1234.56),  # French: no-break space thousands
        ("1\u2009234,56", 1234.56),  # thin space
        ("1\u202f234.5", 1234.5),  # narrow no-break space
        ("1,23,45,678", 12_345_678),  # Indian lakh and crore grouping
        ("12,34,567.5", 1_234_567.5),
        ("1'234.50", 1234.5),  # Swiss
        ("1’234.50", 1234.5),
        ("2,5", 2.5),  # a decimal comma: not three digits after it, so not a thousands group
        ("12,75", 12.75),
        ("٣", 3),  # Arabic-Indic
        ("۴۲", 42),  # Extended Arabic-Indic
        ("३२", 32),  # Devanagari
        ("১২,৩৪৫", 12345),  # Bengali, grouped
        ("１２", 12),  # full-width
        ("𝟏𝟐", 12),  # mathematical bold
        ("2½", 2.5),  # a vulgar fraction after the digits
        ("1¾", 1.75),
        ("-3", -3),
        ("−3.5", -3.5),  # U+2212 MINUS SIGN
        ("+3", 3),
        ("007", 7),
        # Ambiguous, read as before (the English reading); the comparison decides nothing else from them.
        ("1,234", 1234),
        ("1.234", 1.234),
    ],
)
def test_every_national_format_reads_to_its_value(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "1.2.3",  # a version
        "12.5.2021",  # a dotted date
        "2021.10.05",
        "1,2,3",  # a list
        "12,34,5",
        "1.2,3.4",
        "1,,2",
        "1'23",  # a malformed Swiss grouping
        "²",  # superscripts, circled digits and Roman numerals are not decimal digits
        "10²",
        "①",
        "Ⅻ",
        "1e400",
        "9" * 40,  # 40 digits: an identifier, not a quantity
        "1" * 5000,
        "½",  # no digits before the fraction
        "--3",
        "",
        "   ",
    ],
)
def test_what_is_not_one_number_reads_as_none(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    "text",
    ["1,234.56", "1.234,56", "1.234.567", "1\u00a0234,56", "1,23,45,678", "1'234.50", "2,5", "٣٤٥", "１２", "2½"],
)
def test_extraction_takes_the_whole_number(text: str) -> None:
    """The pattern facts use matches each national format whole, not its first group only."""
    assert [m.group(0) for m in _DIGITS.finditer(f"It cost {text} euros")] == [text]


@pytest.mark.parametrize("text", ["12.5.2021", "1.2.3", "1,2,3"])
def test_extraction_does_not_read_a_date_or_a_list_as_one_number(text: str) -> None:
    assert all(m.group(0) != text for m in _DIGITS.finditer(text))


def test_alignment_reads_every_format_and_keeps_the_rest_as_text() -> None:
    """The issue's crash: `align._number_value` turned "1,234.56" into "1.234.56" and float() raised."""
    assert _number_value("1,234.56") == "1234.56"
    assert _number_value("2,148.5") == "2148.5"
    assert _number_value("33,123.45") == "33123.45"
    assert _number_value("1,23,45,678") == "12345678"
    assert _number_value("1.234.567") == "1234567"
    assert _number_value("21,000") == "21000"
    assert _number_value("1,5") == "1.5"  # a decimal comma, as before
    assert _number_value("4.2m") == "4200000"
    assert _number_value("21st") == "21"
    assert _number_value("12.5.2021") == "12.5.2021"  # not one number: the same text is the same evidence
    assert _number_value("1.2.3") == "1.2.3"
    assert _number_value("9:12") == "9:12"


@given(st.text(st.sampled_from("0123456789,.'’\u00a0\u2009\u202f-−+½²٣१１e"), max_size=30))
def test_reading_digits_never_raises(text: str) -> None:
    value = read_digits(text)
    assert value is None or isinstance(value, float)
    _number_value(text)


@pytest.mark.parametrize(
    ("sentence", "attribute", "value"),
    [
        ("The plan costs ₹615 crore.", "money", {"amount": 6_150_000_000, "currency": "INR"}),
        ("He earns Rs 3.5 lakh.", "money", {"amount": 350_000, "currency": "INR"}),
        ("It raised €2.4bn.", "money", {"amount": 2_400_000_000, "currency": "EUR"}),
        ("The deal is worth US$1.2m.", "money", {"amount": 1_200_000, "currency": "USD"}),
        ("The fee was £3 m.", "money", {"amount": 3_000_000, "currency": "GBP"}),
        ("The fund holds Rs. 1,23,45,678.", "money", {"amount": 12_345_678, "currency": "INR"}),
        ("It cost CHF 1'234.50.", "money", {"amount": 1234.5, "currency": "CHF"}),
        ("It cost 1.234,56 euros.", "money", {"amount": 1234.56, "currency": "EUR"}),
        ("It cost 1\u00a0234,56 euros.", "money", {"amount": 1234.56, "currency": "EUR"}),
        ("The probe weighed 2,148.5 kg.", "count", 2148.5),
        ("About 2-3 people died.", "count", [2, 3]),
        ("2–3 people died.", "count", [2, 3]),
        ("2 to 3 people died.", "count", [2, 3]),
        ("Turnout was 33,5 %.", "count", 33.5),
        ("Shares fell -3%.", "count", -3),
        ("١٢ people died.", "count", 12),
        ("１２ people died.", "count", 12),
        ("They stayed 2½ years.", "duration", {"value": 2.5, "unit": "year"}),
        ("It docked at 21h30.", "date", "T21:30"),
        ("It arrived at 9:12 pm.", "date", "T21:12"),
    ],
)
def test_figures_in_national_formats_are_extracted_with_their_value(sentence: str, attribute: str, value) -> None:
    from spacereader.engine.facts import extract_facts
    from spacereader.engine.segment import segment
    from spacereader.model import Article

    facts = extract_facts(Article("a", "a.txt", sentence, ""), segment(sentence))
    assert [(f.attribute, f.normalized) for f in facts] == [(attribute, value)]
