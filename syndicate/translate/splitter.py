"""A fast, offline, rule-based sentence splitter (no models, no downloads).

A sentence ends at ``. ! ? … ؟`` (optionally followed by closing quotes or brackets) when white space follows
and the next word does not start with a lower-case letter (so Arabic, which has no case, splits too), and
always at ``。！？`` and at line breaks. It does not split after known abbreviations (``Mr.``, ``Dr.``,
``Jan.``…), after initials and dotted acronyms (``U.S.``, ``J. K.``), or inside numbers (``2.5``).
Splitting too little is safe for translation (a longer segment); splitting too much loses context, so
ambiguous cases stay together. Segment boundaries are returned as spans so callers keep the exact
separators between sentences.
"""

from __future__ import annotations

import re

#: Words that end with a dot but rarely end a sentence (compared case-insensitively, without the dot).
ABBREVIATIONS = frozenset([
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
    "gov", "sen", "rep", "pres", "amb", "rev", "hon", "fr", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
    "sun", "no", "nos", "vol", "vols", "fig", "figs", "approx", "est", "dept", "univ", "assn", "bros", "inc",
    "ltd", "co", "corp", "vs", "cf", "al", "e.g", "i.e", "ca"
])

_TERMINATORS = ".!?…؟"
_CLOSERS = "\"'”’»)]›"
_OPENERS = "\"'“‘«([¿¡‹"
_HARD = "。！？"
# end punctuation, optional closers, then white space (no newline: lines are split first)
_CANDIDATE = re.compile(rf"[{re.escape(_TERMINATORS)}]+[{re.escape(_CLOSERS)}]*(?=[ \t\u00a0\u2009\u202f]+)"
                        rf"|[{_HARD}][{re.escape(_CLOSERS)}]*")
_WORD_BEFORE = re.compile(r"([\w.\-]+)\.$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the ``.`` at ``dot`` ends an abbreviation, an initial or a dotted acronym."""
    match = _WORD_BEFORE.search(text[: dot + 1])
    if not match:
        return False
    word = match.group(1)
    if word.lower() in ABBREVIATIONS or word.lower().rstrip(".") in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha() and word.isupper():     # an initial: "J. K. Rowling"
        return True
    return bool(re.fullmatch(r"(?:\w\.)+\w", word))              # "U.S", "e.g", "a.m"


def _starts_sentence(text: str, pos: int) -> bool:
    """Whether the text at ``pos`` (after white space) can begin a new sentence."""
    if pos >= len(text):
        return False
    ch = text[pos]
    if ch in _OPENERS:
        return True
    if ch.isdigit():
        return True
    if ch.isalpha():
        return not ch.islower()         # upper case, or a script without case (Arabic, CJK)
    return False


def _line_spans(line: str, offset: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CANDIDATE.finditer(line):
        end = match.end()
        punct = match.group(0)
        if punct[0] not in _HARD:
            nxt = end
            while nxt < len(line) and line[nxt] in " \t\u00a0\u2009\u202f":
                nxt += 1
            if not _starts_sentence(line, nxt):
                continue
            if punct.rstrip(_CLOSERS) == "." and _is_abbreviation(line, match.start()):
                continue
        spans.append((start, end))
        start = end
    spans.append((start, len(line)))
    out = []
    for a, b in spans:
        seg = line[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg.rstrip())
        if trail > lead:
            out.append((offset + a + lead, offset + a + trail))
    return out


def split_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``text``, trimmed of white space, in order; never across lines."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        spans.extend(_line_spans(line, offset))
        offset += len(line) + 1
    return spans


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` (white space around each trimmed; separators dropped)."""
    return [text[a:b] for a, b in split_spans(text)]
