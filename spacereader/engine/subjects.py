"""Who or what a figure is about, read from the structure of its sentence.

`subject_of(sentence)` tries a table of small patterns in order, each with its resolver, and returns the
first name one of them finds (a person, an organisation, a named thing or a quoted title) or None:

- parenthesis:   "cheaper than “The Martian” ($108 million)": the name right before the bracket;
- respectively:  "Segal and Gadde get $44.5 million and $20 million respectively": the name in the same place;
- relative:      "Chandrayaan-2, which had a budget of $96.5 million": the name the clause hangs on;
- apposition:    "Selene, a $350 million mission": the name the figure describes;
- preposition:   "the total cost of Chandrayaan-3 is …", "a payout to Dana Lee of …";
- possessive:    "Lee’s exit will cost the firm $31 million", "extend Chapek’s contract in June";
- other:         "the previous mission cost $90 million": a referent set apart from the story's own;
- agent:         "Agrawal was paid $38.7 million", "Segal received …": the name before the verb;
- description:   "The lander, rover and propulsion cost Rs 215 crore": what costs, in the sentence's words;
- pronoun:       "During his 15-year reign", "It cost …": the subject carried from before;
- opening:       "Ronaldo has signed for Al-Nassr on a £165m-a-year deal": the name the sentence opens with.

A pattern never looks past the figure's clause (a semicolon, a colon or a spaced dash), never takes the
speaker of a reported statement ("JAXA said …") and never takes a place after a preposition ("in Herat").
Names are the mentions `spacereader.engine.names` found, quoted titles and identifiers ("Luna-25").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from spacereader.engine.measures import SPEECH, Cue, clause_bounds

#: Words between a name and its figure that make the name the one who is paid, spends, costs, wins ….
VERBS = frozenset(
    """
    is are was were be been being has have had will would could can may might must shall should did does do
    got get gets getting received receive receives receiving paid pays pay earn earns earned earning cost costs
    spent spend spends won wins win scored scores signed signs agreed agrees took take takes made make makes
    raised raises lost loses gave give gives left leave leaves joined join joins became become becomes held holds
    hold served serves walk walks walked set sets offered offers fined killed kills injured launched landed
    reached reaches hit hits struck became faces faced face entitled owes owed sold sells bought buys
    jumped rose fell gained climbed dropped slid lasted lasts stayed stays spends marked
    """.split()
)
_LOCATIVE = frozenset("in at near off outside inside across around into from to toward towards via within".split())
_LOWER_RUN = re.compile(r"(?:\b[a-z]+\s+)+$")
#: Nouns of place before "of": "off the coast of Pylos", "the province of Herat".
_PLACE_OF = re.compile(
    r"\b(?:coast|city|town|region|province|district|village|port|island|area|state|county|capital|south|north|east|west)"
    r"\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: Words that may stand between a subject and its verb ("Segal also received", "Agrawal reportedly got").
_ADVERBS = frozenset(
    "also reportedly allegedly only still already just now then later eventually finally initially originally "
    "officially formally apparently alone himself herself itself themselves".split()
)
#: A name in a list after these words is an example, not the subject ("executives, including Agrawal, will …").
_EXAMPLES = re.compile(r"\b(?:including|such\s+as|like|among\s+them|notably|especially)\s+[^,;]*$", re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(
    r"(?:^\s*|[,;:]\s+|\b(?:and|where|when|while|as|after|before|because|but|so)\s+)(?:it|he|she|they)\s+"
    r"(?!(?:said|says|told|added|noted)\b)(?:[a-z][\w’'-]*\s+){0,8}$",
    re.IGNORECASE,
)
_POSSESSIVE_PRONOUN = re.compile(r"\b(?:its|his|her|their)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_RELATIVE = re.compile(r"\s*,\s*(?:which|who|whose|that)\b", re.IGNORECASE)
_ASIDE = re.compile(
    r",\s*(?:who|which|whose)\b[^,;]*,"  # ", who joined in 2017,"
    r"|,\s+(?:the|a|an)\s[^,;]{0,80},"  # ", the word for “moon craft” in Sanskrit,"
    r"|\s[–—-]\s[^–—]{0,200}?\s[–—-]\s"  # " – who was the man behind the ban – "
    r"|\((?![A-Z][A-Za-z]{1,10}\))[^()]*\)"  # "(NYSE:DIS)", but not an acronym: "(SLIM)"
)
_PREPOSITION = re.compile(r"\s+(?:of|for|to|on|in|at|by)\s+(?:the\s+)?$", re.IGNORECASE)
_OTHER = re.compile(
    r"\b(?P<word>previous|earlier|predecessor|prior|last\s+year['’]s|the\s+first|the\s+second|the\s+third|original|former)"
    r"(?:\s+(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*)?))?\s*$",
    re.IGNORECASE,
)
#: "the cost of the mission": the thing named just before, in other words.
_ANAPHOR = re.compile(
    r"\s+of\s+the\s+(?:mission|project|probe|craft|spacecraft|vessel|ship|film|movie|deal|company|firm)\b"
)
_AFTERSHOCK = re.compile(r"\b(aftershocks?|foreshocks?)\b[^.;]*$", re.IGNORECASE)
_AFTERSHOCK_AFTER = re.compile(r"[\s-]*(?:magnitude\s+)?(aftershocks?|foreshocks?)\b", re.IGNORECASE)
_OPENERS = re.compile(
    r"^\s*(?:(?:but|and|however|meanwhile|now|still|also|yet|then|so|in\s+addition)\b,?\s+)?"
    r"(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){0,2}$",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[A-Za-z][\w’'-]*")
_APPOSED = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+,?\s+){0,3}")
_COSTS = re.compile(r"\b(?:(?:would|will|could|to|did)\s+)?(?:cost|costs|costed)\s+(?:[a-z]+\s+){0,2}$")
_NP_BOUNDARY = re.compile(r"\b(?:that|which|who|while|whereas|but|as|if|when)\b|[;:]|\band\s+(?=the\b)", re.IGNORECASE)
#: Words of a noun phrase that say nothing of what it names.
_NOT_CONTENT = frozenset(
    "the a an its his her their this that these those and or of s spacecraft's total entire whole".split()
)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_LIST_JOIN = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)$")
#: A name (or a title) is at most this many words before its figure for the agent pattern.
_AGENT_REACH = 12


@dataclass(frozen=True, slots=True)
class Name:
    """A name in a sentence (offsets into the sentence text)."""

    start: int
    end: int
    text: str
    #: Written with "’s" after it.
    possessive: bool = False
    #: Right after "in", "at", "off" …: a place where something happens, not who it happens to.
    locative: bool = False


@dataclass(frozen=True)
class Sentence:
    """What the patterns read: a sentence, its names, its figures and the figure to attribute."""

    text: str
    names: Sequence[Name]
    figures: Sequence[tuple[int, int]]
    start: int
    end: int
    cue: Cue | None = None
    #: The text starts where the sentence does (else it is a window around the figure).
    whole: bool = True

    @cached_property
    def clause(self) -> tuple[int, int]:
        """The figure's clause, up to a semicolon, a colon or a spaced dash."""
        return clause_bounds(self.text, self.start, self.end, 250, 250)

    @cached_property
    def strict(self) -> tuple[int, int]:
        """The figure's clause, also up to a comma that opens another clause (", while …")."""
        return clause_bounds(self.text, self.start, self.end, 250, 250, strict=True)


@dataclass(frozen=True, slots=True)
class Found:
    """A subject: a name of the sentence, or words that set the figure apart ("previous mission")."""

    text: str
    pattern: str
    name: Name | None = None
    #: The subject is carried from the sentence before ("It cost …", "his 15-year reign").
    carried: bool = False


def make_name(text: str, start: int, end: int) -> Name:
    possessive = text.startswith(("’s", "'s", "’", "'"), end) and not text.startswith(("' ", "’ "), end - 1)
    # "in Herat", "in southern India", "off the coast of Pylos": up to three lower-case words back to a preposition
    before = _LOWER_RUN.search(text, max(0, start - 40), start)
    words = before.group(0).split() if before else []
    locative = any(word in _LOCATIVE for word in words[-3:]) or bool(_PLACE_OF.search(text, max(0, start - 30), start))
    return Name(start, end, text[start:end], possessive=possessive, locative=locative)


def _acts(text: str, name: Name, limit: int) -> bool:
    """Whether the name is followed by its verb ("Segal received", "Agrawal’s exit will cost", "Lee, 54, won")."""
    cursor = name.end
    if name.possessive:
        cursor = text.find(" ", cursor)  # "Agrawal’s exit will …": the verb follows what is possessed
        if cursor < 0:
            return False
    words = [word.lower() for word in _WORDS.findall(text, cursor, limit)][: 6 if name.possessive else 3]
    nouns = 0  # "the Orion-3 probe cost …", "Disney shares gained …": one noun the name qualifies
    for word in words:
        if word in VERBS:
            return True
        if word not in _ADVERBS and not name.possessive:
            nouns += 1
            if nouns > 1 or word in SPEECH:
                return False
    return False


def _spoken(words: Sequence[str]) -> bool:
    """A verb of reporting among the words, not a passive "is said to"."""
    return any(word in SPEECH and (index == 0 or words[index - 1] not in _BE) for index, word in enumerate(words))


_BE = frozenset("is are was were be been being".split())


# ── the patterns ───────────────────────────────────────────────────────────────────────────────────


def _names_between(s: Sentence, low: int, high: int) -> list[Name]:
    return [name for name in s.names if low <= name.start and name.end <= high]


def _parenthesis(s: Sentence) -> Found | None:
    """ "“The Martian” ($108 million)", "Aadipurush (estimated at $88 million)"."""
    opening = s.text.rfind("(", 0, s.start)
    if (
        opening < 0
        or ")" in s.text[opening : s.start]
        or not re.fullmatch(r"[\s\w.,-]{0,30}", s.text[opening + 1 : s.start])
    ):
        return None
    before = s.text[:opening].rstrip(" ”\"’'")
    for name in reversed(s.names):
        if name.end <= opening and before.endswith(name.text):
            return Found(name.text, "parenthesis", name)
    return None


def _respectively(s: Sentence) -> Found | None:
    """ "A and B are entitled to $X and $Y respectively": the n-th figure is the n-th name's."""
    low, high = s.strict
    if not _RESPECTIVELY.search(s.text, s.end, high):
        return None
    group = [span for span in s.figures if low <= span[0] and span[1] <= high]
    if len(group) < 2 or (s.start, s.end) not in group:
        return None
    first = group[0][0]
    names = [name for name in s.names if low <= name.start and name.end <= first]
    listed: list[Name] = []
    for name in reversed(names):
        if listed and not _LIST_JOIN.match(s.text[name.end : listed[0].start]):
            break
        listed.insert(0, name)
    if len(listed) != len(group):
        return None
    name = listed[group.index((s.start, s.end))]
    return Found(name.text, "respectively", name)


def _relative(s: Sentence) -> Found | None:
    """ "Iger, who held the CEO role for 15 years, …", "Chandrayaan-2, which had a budget of …"."""
    low, _ = s.clause
    for name in reversed(s.names):
        if name.end > s.start or name.start < low:
            continue
        if not _RELATIVE.match(s.text, name.end):
            continue
        clause = s.text[name.end : s.start]
        if clause.count(",") > 1 or ";" in clause:
            return None
        return Found(name.text, "relative", name)
    return None


def _apposition(s: Sentence) -> Found | None:
    """ "Shioli Crater, a relatively fresh, 300-metre-wide impact feature", "Selene, a $350 million mission"."""
    for name in reversed(s.names):
        if name.end > s.start:
            continue
        gap = s.text[name.end : s.start]
        if _APPOSED.fullmatch(gap):
            return Found(name.text, "apposition", name)
        return None
    return None


def _description(s: Sentence) -> Found | None:
    """ "The lander, rover, and propulsion cost around Rs. 215 crore": the thing that costs, in its own words."""
    low = max(0, s.start - 160)
    verb = _COSTS.search(s.text, low, s.start)
    if verb is None:
        return None
    start = low
    for boundary in _NP_BOUNDARY.finditer(s.text, low, verb.start()):
        start = boundary.end()
    for _, end in s.figures:
        if start <= end <= verb.start():
            start = end  # "… Rs. 215 crore and the launch costs …": after the figure before it
    phrase = s.text[start : verb.start()]
    if any(start <= name.start < verb.start() for name in s.names):
        return None
    written = _WORDS.findall(phrase)
    if any(word[0].isupper() for word in written[1:]) or (
        written and written[0][0].isupper() and written[0].lower() not in _NOT_CONTENT
    ):
        return None  # a name the patterns above did not take: no description of it
    words = [w.lower() for w in written if w.lower() not in _NOT_CONTENT]
    if not words or len(words) > 6:
        return None
    return Found(" ".join(words), "description")


def _preposition(s: Sentence) -> Found | None:
    """ "the cost of Chandrayaan-3 is …", "a payout to Dana Lee": a name right after the cue's preposition; "the
    total cost of the mission was …": the thing the sentence before spoke of."""
    if s.cue is None:
        return None
    if s.cue.end < s.start and _ANAPHOR.match(s.text, s.cue.end) and not _names_between(s, s.cue.end, s.start):
        return Found("", "preposition", carried=True)
    high = s.clause[1]
    cue_is_preposition = s.text[s.cue.start : s.cue.end].lower() in ("from", "off", "of")
    for name in s.names:
        if name.start < s.cue.end or name.start > s.cue.end + 12 or name.end > high:
            continue
        gap = s.text[s.cue.end : name.start]
        # "the cost of Chandrayaan-3", "71 km from Tarsa" (what a distance is measured from)
        if (_PREPOSITION.fullmatch(" " + gap.lstrip()) or (cue_is_preposition and gap.strip() in ("", "the"))) and not (
            s.start < name.start < s.end
        ):
            if name.possessive:
                return None  # "the budget of India's third mission": the mission, not India
            return Found(name.text, "preposition", name)
    return None


def _possessive(s: Sentence) -> Found | None:
    """ "Lee’s exit will cost …", "Chapek’s contract", "Iger’s return on Monday"."""
    anchors = [s.start] + ([s.cue.start] if s.cue else [])
    low, high = s.clause
    for name in s.names:
        if not name.possessive or name.start < low or name.end > high:
            continue
        after = name.end + (2 if s.text.startswith(("’s", "'s"), name.end) else 1)
        for anchor in anchors:
            if anchor < after:
                continue
            gap = s.text[after:anchor]
            for start, end in s.figures:  # "Apple’s $2.5 billion, 10-year agreement"
                if after <= start and end <= anchor:
                    gap = gap.replace(s.text[start:end], "", 1)
            words = _WORDS.findall(gap)
            if len(words) <= 2 and all(word[0].islower() for word in words) and not re.search(r";|,\s*\w+\s*,", gap):
                return Found(name.text, "possessive", name)
    return None


def _other(s: Sentence) -> Found | None:
    """ "the previous mission cost $90 million", "last year's budget of …", "an aftershock of magnitude 5.9":
    a referent of its own."""
    aftershock = _AFTERSHOCK.search(s.text, max(0, s.start - 80), s.start) or _AFTERSHOCK_AFTER.match(s.text, s.end)
    if aftershock:
        return Found(aftershock.group(1).lower().rstrip("s"), "other")
    for anchor in (s.start, s.cue.start if s.cue else None):
        if anchor is None:
            continue
        match = _OTHER.search(s.text, max(0, anchor - 40), anchor)
        if match and (match.group("noun") or (s.cue is not None and anchor == s.cue.start)):
            noun = match.group("noun") or (s.text[s.cue.start : s.cue.end] if s.cue else "")
            noun = noun.split()[0].lower()
            return Found(f"{' '.join(match.group('word').lower().split())} {noun}", "other")
    return None


def _agent(s: Sentence) -> Found | None:
    """ "Agrawal was paid $38.7 million", "Segal received …", "Chandrayaan-3 has been built at a budget of …"."""
    window = max(0, s.start - 250)
    text = s.text[:window] + _ASIDE.sub(lambda m: " " * len(m.group(0)), s.text[window : s.start])
    low, _ = clause_bounds(text, s.start, s.start, 250, 0, strict=True)
    places = [name for name in s.names if name.locative]
    for name in reversed(s.names):
        if name.end > s.start or name.start < low:
            continue
        if text[name.start : name.end].strip() == "" or name.locative:
            continue  # inside an aside, or a place ("took off from a launchpad in Sriharikota")
        if _EXAMPLES.search(text, max(low, name.start - 80), name.start):
            return None
        gap = text[name.end : s.start]
        for place in places:  # the places between a name and its figure are not other subjects
            if name.end <= place.start and place.end <= s.start:
                gap = gap.replace(place.text, " " * len(place.text), 1)
        if "," in gap and _SUBORDINATE.search(text, max(low, name.start - 40), name.start):
            return None  # "Since Hale took over the club, its shares …": the name is the subordinate clause's
        words = [word.lower() for word in _WORDS.findall(gap)]
        if len(words) > _AGENT_REACH or any(word[0].isupper() for word in _WORDS.findall(gap)) or _spoken(words):
            return None
        if _acts(text, name, s.start) or (
            # "“Night Harbor” grossed $120 million": the cue itself is the verb
            s.cue is not None
            and name.end <= s.cue.start < s.start
            and len(_WORDS.findall(text, name.end, s.cue.start)) <= 1
        ):
            return Found(name.text, "agent", name)
        return None
    return None


def _pronoun(s: Sentence) -> Found | None:
    """ "It cost $90 million", "During his 15-year reign": the subject of the sentence before, or of this one
    when the pronoun comes after a name ("ISRO launched Chandrayaan-3 …, where it made a soft landing at …")."""
    low = s.strict[0]
    head = s.text[low : s.start]
    subject = _PRONOUN_SUBJECT.search(head)
    match = subject or _POSSESSIVE_PRONOUN.search(head)
    at = low + match.start() if match else -1
    if match is None and s.cue is not None and s.cue.start < s.start:
        match = _POSSESSIVE_PRONOUN.search(s.text, max(low, s.cue.start - 30), s.cue.end)
        at = match.start() if match else -1
    if match is None or (not s.whole and at == 0):
        return None
    if _names_between(s, at, s.start) or len(_WORDS.findall(s.text, at, s.start)) > 10:
        return None
    before = [name for name in s.names if name.end <= at and not name.locative]
    if not before:
        return Found("", "pronoun", carried=True)
    if subject is not None and match is subject:
        # "ISRO launched Chandrayaan-3 …, where it made a soft landing": "it" is the name just before
        return Found(before[-1].text, "pronoun", before[-1])
    return None  # "Since Hale took over the club, its shares …": "its" may be anything named before


def opens(text: str, name: Name) -> bool:
    """Whether the sentence opens with the name (after a conjunction, an article or a couple of words), not
    with a subordinate clause ("Since Chapek took over, …")."""
    head = text[: name.start]
    return bool(_OPENERS.match(head)) and not _SUBORDINATE.match(head)


_SUBORDINATE = re.compile(
    r"\b(?:since|when|after|before|although|though|if|while|as|because|until|once|whereas|unless)\s+"
    r"(?:the\s+|a\s+)?$|^\s*(?:since|when|after|before|although|though|if|while|as|because|until|once|whereas|unless)\b",
    re.IGNORECASE,
)


def _opening(s: Sentence) -> Found | None:
    """ "Cristiano Ronaldo has signed for Al-Nassr on a £165m-a-year deal": the sentence's own subject."""
    if not s.names:
        return None
    name = s.names[0]
    if not s.whole or name.end > s.start or name.locative or not opens(s.text, name):
        return None
    if not _acts(s.text, name, s.start):
        return None
    between = s.text[name.end : s.start]
    if _spoken([word.lower() for word in _WORDS.findall(between)]) or ";" in between:
        return None
    return Found(name.text, "opening", name)


PATTERNS: tuple[tuple[str, Callable[[Sentence], Found | None]], ...] = (
    ("parenthesis", _parenthesis),
    ("respectively", _respectively),
    ("relative", _relative),
    ("apposition", _apposition),
    ("preposition", _preposition),
    ("possessive", _possessive),
    ("other", _other),
    ("agent", _agent),
    ("description", _description),
    ("pronoun", _pronoun),
    ("opening", _opening),
)


def subject_of(sentence: Sentence) -> Found | None:
    """The first pattern's subject for the figure sentence.text[start:end], or None."""
    for _, resolve in PATTERNS:
        found = resolve(sentence)
        if found is not None:
            return found
    return None
