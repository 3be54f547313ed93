"""The offline sentence splitter, in English and Arabic."""

from __future__ import annotations

import pytest

from syndicate.translate.splitter import split_sentences, split_spans


@pytest.mark.parametrize("text, expected", [
    ("Prices rose. Then they fell.", ["Prices rose.", "Then they fell."]),
    ("Mr. Haddad met Dr. Nour. They talked.", ["Mr. Haddad met Dr. Nour.", "They talked."]),
    ("U.S. officials came. The U.S. Army too.", ["U.S. officials came.", "The U.S. Army too."]),
    ("It began on Jan. 5. Nobody knew.", ["It began on Jan. 5.", "Nobody knew."]),
    ("Prices rose by 2.5 percent. Growth was 3.1 percent.", ["Prices rose by 2.5 percent.", "Growth was 3.1 percent."]),
    ('He said "it failed." Then he left.', ['He said "it failed."', "Then he left."]),
    ("“Stop.” “Go.”", ["“Stop.”", "“Go.”"]),
    ("Is it over? Not yet! Wait… The envoy returns.", ["Is it over?", "Not yet!", "Wait…", "The envoy returns."]),
    ("J. K. Rowling spoke. Fans cheered.", ["J. K. Rowling spoke.", "Fans cheered."]),
    ("He left at 5 p.m. and returned.", ["He left at 5 p.m. and returned."]),
    ("No end in sight. 2026 will be hard.", ["No end in sight.", "2026 will be hard."]),
    ("lower case after a dot. is not a new sentence", ["lower case after a dot. is not a new sentence"]),
])
def test_english_sentences(text: str, expected: list[str]) -> None:
    """English: abbreviations, initials, acronyms, decimals, quotes and ellipses are handled."""
    assert split_sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("سيأتي. ثم غادر؟ نعم", ["سيأتي.", "ثم غادر؟", "نعم"]),
    ("هل انتهت الأزمة؟ ليس بعد، قال المسؤولون.", ["هل انتهت الأزمة؟", "ليس بعد، قال المسؤولون."]),
    ("ارتفعت الأسعار بنسبة 2.5 في المئة. وقال المصرف…", ["ارتفعت الأسعار بنسبة 2.5 في المئة.", "وقال المصرف…"]),
    ("قال الوفد إن المحادثات كانت بناءة… لكن العمل لم ينته بعد.",
     ["قال الوفد إن المحادثات كانت بناءة…", "لكن العمل لم ينته بعد."]),
])
def test_arabic_sentences(text: str, expected: list[str]) -> None:
    """Arabic has no letter case: '.', '؟' and '…' followed by a word end a sentence."""
    assert split_sentences(text) == expected


def test_lines_always_split_and_spans_point_into_the_text() -> None:
    """Line breaks end sentences; spans are trimmed offsets into the original text."""
    text = "  First line\n\nSecond. Third  "
    spans = split_spans(text)
    assert [text[a:b] for a, b in spans] == ["First line", "Second.", "Third"]
    assert split_sentences("") == [] and split_sentences(" \n ") == []
