"""The words news uses for one thing: paraphrase groups, set phrases and irregular verb forms.

Alignment compares sentences by their words; two outlets reporting one statement often pick different
ones ("sacked" / "ousted", "touched down" / "landed", "chief executive" / "CEO", "took" / "take"). This
module reads each of those as one canonical word before the words are weighed and compared:

- `PHRASES`: set phrases of two or three words, each read as one word ("chief executive officer" → ceo,
  "shown the door" → dismiss). Matched on lower-cased words, longest first.
- `GROUPS`: each line a group of words read as its first word. Generic words of news reporting across
  subjects (business, disasters, courts, sport, politics, science), never the words of one story.
  A word that often means something else is left out ("fire", "save", "close"): a wrong merge costs
  more than a missed one.
- `IRREGULAR`: irregular verb forms, read as the plain verb (the suffix stripper handles the rest).

To extend: add a word to a group only when, in news, it almost always means what the group's first word
means; add a group only when two or more of its words are common. `canonical_words` is the one entry point.
"""

from __future__ import annotations

from collections.abc import Sequence

#: Set phrases, read as one word (the canonical word may be a group's first word or a new one).
PHRASES = (
    ("chief executive officer", "ceo"),
    ("chief executive", "ceo"),
    ("chief financial officer", "cfo"),
    ("finance chief", "cfo"),
    ("chief operating officer", "coo"),
    ("shown the door", "dismiss"),
    ("showed the door", "dismiss"),
    ("given the boot", "dismiss"),
    ("pushed out", "dismiss"),
    ("forced out", "dismiss"),
    ("let go", "dismiss"),
    ("step down", "resign"),
    ("stepped down", "resign"),
    ("steps down", "resign"),
    ("stepping down", "resign"),
    ("touch down", "land"),
    ("touched down", "land"),
    ("touches down", "land"),
    ("touching down", "land"),
    ("lift off", "launch"),
    ("lifts off", "launch"),
    ("lifted off", "launch"),
    ("blast off", "launch"),
    ("blasted off", "launch"),
    ("took off", "launch"),
    ("takes off", "launch"),
    ("lost their lives", "die"),
    ("lost his life", "die"),
    ("lost her life", "die"),
    ("were killed", "die"),
    ("was killed", "die"),
    ("found guilty", "convict"),
    ("pleaded guilty", "plead"),
    ("on board", "aboard"),
    ("onboard", "aboard"),
    ("per cent", "percent"),
    ("prime minister", "premier"),
    ("highest paid", "top-paid"),
    ("best paid", "top-paid"),
    ("top paid", "top-paid"),
    ("in the world", "worldwide"),
    ("on the planet", "worldwide"),
    ("in history", "ever"),
    ("of all time", "ever"),
    ("took over", "succeed"),
    ("takes over", "succeed"),
    ("take over", "succeed"),
    ("taken over", "succeed"),
)

#: Paraphrase groups: every word of a line is read as the line's first word.
GROUPS = (
    "dismiss dismissed dismisses dismissing dismissal sacked sacking sacks ousted ousting ouster oust "
    "terminated terminating terminate termination purged purge axed",
    "resign resigned resigns resigning resignation quit quits quitting",
    "land landed landing landings lands",
    "launch launched launches launching liftoff",
    "succeed succeeded succeeds succeeding successor replace replaced replaces replacing replacement",
    "appoint appointed appoints appointing appointment",
    "acquire acquired acquires acquiring acquisition acquisitions takeover takeovers buyout",
    "complete completed completes completing finalise finalised finalize finalized finalizes finalises",
    "earn earned earns earning salary salaries wage wages paycheck paycheque",
    "payout payouts severance compensation",
    "capsize capsized capsizes capsizing sink sank sunk sinking sinks",
    "drown drowned drowning drowns",
    "missing disappeared vanished unaccounted",
    "vessel vessels boat boats ship ships",
    "rescue rescued rescues rescuing rescuer rescuers",
    "survivor survivors survived survive survives",
    "company companies firm firms",
    "jail jailed jails prison prisons imprisoned imprisonment",
    "convict convicted convicts conviction",
    "sentence sentenced sentences sentencing",
    "charge charged charges charging indicted indictment",
    "investigate investigated investigates investigating investigation inquiry",
    "evacuate evacuated evacuates evacuating evacuation evacuations",
    "destroy destroyed destroys destroying flattened razed",
    "win won wins winning victory victories",
    "defeat defeated defeats beat beaten",
    "vote voted votes voting ballot ballots",
    "elect elected elects election elections",
    "ban banned bans banning prohibited prohibit",
    "sue sued sues suing lawsuit lawsuits",
    "worldwide global globally",
    "about approximately nearly roughly almost around",
    "top-paid highest-paid best-paid",
    "spacecraft spaceship",
    "scientist scientists researcher researchers",
    "percent pct",
)

#: Irregular verb forms, each read as its plain verb.
IRREGULAR = {
    form: verb
    for verb, forms in {
        "take": "took taken takes taking",
        "pay": "paid pays paying",
        "leave": "left leaves leaving",
        "fall": "fell fallen falls falling",
        "send": "sent sends sending",
        "spend": "spent spends spending",
        "sell": "sold sells selling",
        "buy": "bought buys buying",
        "bring": "brought brings bringing",
        "find": "found finds finding",
        "hold": "held holds holding",
        "come": "came comes coming",
        "go": "went gone goes going",
        "give": "gave given gives giving",
        "make": "made makes making",
        "meet": "met meets meeting",
        "run": "ran runs running",
        "see": "saw seen sees seeing",
        "strike": "struck strikes striking",
        "fly": "flew flown flies flying",
        "drive": "drove driven drives driving",
        "write": "wrote written writes writing",
        "choose": "chose chosen chooses choosing",
        "stand": "stood stands standing",
        "steal": "stole stolen steals stealing",
        "shoot": "shot shoots shooting",
        "break": "broke broken breaks breaking",
        "fight": "fought fights fighting",
        "catch": "caught catches catching",
        "throw": "threw thrown throws throwing",
        "grow": "grew grown grows growing",
        "know": "knew known knows knowing",
        "keep": "kept keeps keeping",
        "lose": "lost loses losing",
        "build": "built builds building",
        "flee": "fled flees fleeing",
        "lead": "led leads leading",
        "seek": "sought seeks seeking",
        "shake": "shook shaken shakes shaking",
        "speak": "spoke spoken speaks speaking",
        "swear": "swore sworn swears swearing",
        "tear": "tore torn tears tearing",
        "wear": "wore worn wears wearing",
        "withdraw": "withdrew withdrawn withdraws withdrawing",
        "overtake": "overtook overtaken overtakes overtaking",
        "undertake": "undertook undertaken undertakes undertaking",
        "forecast": "forecasts forecasting",
        "rise": "rose risen rises rising",
        "begin": "began begun begins beginning",
        "hit": "hits hitting",
        "cost": "costs costing",
        "set": "sets setting",
        "put": "puts putting",
        "deal": "dealt deals dealing",
        "feel": "felt feels feeling",
        "mean": "meant means meaning",
        "teach": "taught teaches teaching",
        "think": "thought thinks thinking",
        "tell": "told tells telling",
    }.items()
    for form in forms.split()
}

_GROUP = {word: group.split()[0] for group in GROUPS for word in group.split()}
_PHRASES: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _word in sorted(PHRASES, key=lambda item: -len(item[0].split())):
    _parts = tuple(_phrase.split())
    _PHRASES.setdefault(_parts[0], []).append((_parts, _word))


def canonical_word(word: str) -> str:
    """One lower-cased word as its group's word or its plain verb ('ousted' → dismiss, 'took' → take)."""
    word = IRREGULAR.get(word, word)
    return _GROUP.get(word, word)


def canonical_words(words: Sequence[str]) -> list[str]:
    """Lower-cased words with set phrases joined into one word and every word read canonically.

    'Twitter's chief executive was shown the door' → [..., 'ceo', 'was', 'dismiss'].
    """
    out: list[str] = []
    position = 0
    while position < len(words):
        word = words[position]
        for parts, replacement in _PHRASES.get(word, ()):
            if tuple(words[position : position + len(parts)]) == parts:
                out.append(canonical_word(replacement))
                position += len(parts)
                break
        else:
            out.append(canonical_word(word))
            position += 1
    return out
