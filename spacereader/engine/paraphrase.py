"""The words news uses for one thing: paraphrase groups and set phrases.

Alignment (and event grouping) compares sentences by their words; two outlets reporting one statement often
pick different ones ("sacked" / "ousted", "touched down" / "landed", "chief executive" / "CEO"). This module
reads each of those as one canonical word before the words are weighed and compared:

- `PHRASES`: set phrases of two or three words, each read as one word ("chief executive officer" → ceo,
  "shown the door" → dismiss). Matched on lower-cased words, longest first.
- `GROUPS`: each line a group of words read as its first word. Generic words of news reporting across
  subjects (business, disasters, courts, sport, politics, science), never the words of one story.
  A word that often means something else is left out ("fire", "save", "close"): a wrong merge costs
  more than a missed one.

Regular inflection is the suffix stripper's (`spacereader.engine.align._stem`). Irregular verb forms
("took", "sent", "paid") are left as they are: read as their verbs they moved as many labelled pairs apart
as together (tests/bench/bench_align_signals.py).

To extend: add a word to a group only when, in news, it almost always means what the group's first word
means; add a group only when two or more of its words are common. Measure with
`python -m tests.bench.bench_align_real --split tune` before and after.
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
    ("turned down", "rejected"),
    ("turn down", "rejected"),
    ("turns down", "rejected"),
    ("took over", "succeed"),
    ("takes over", "succeed"),
    ("take over", "succeed"),
    ("taken over", "succeed"),
)

#: Paraphrase groups: every word of a line is read as the line's first word.
GROUPS = (
    "die died dies dying dead death deaths killed kill kills killing fatalities perished toll drowned drown "
    "drowning drowns",
    "injured injure injuring injuries injury hurt wounded wounding hospitalised hospitalized hospital hospitals",
    "troops troop soldiers soldier",
    "cost costs costing budget budgets",
    "doctor doctors surgeon surgeons physician physicians medic medics",
    "film films movie movies",
    "director directors filmmaker filmmakers",
    "earthquake earthquakes quake quakes tremor tremors",
    "rise rises rose risen rising raise raised raises raising increase increased increases increasing hike "
    "hikes hiked lifted",
    "start starts started starting begin begins began begun beginning",
    "announce announced announces announcing unveil unveiled unveils",
    "collapse collapsed collapses collapsing",
    "arrest arrested arrests detained",
    "children child kids",
    "rejected reject rejects refused spurned spurn",
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
    "missing disappeared vanished unaccounted",
    "vessel vessels boat boats ship ships",
    "rescue rescued rescues rescuing rescuer rescuers",
    "survivor survivors survived survive survives",
    "company companies firm firms",
    "jail jailed jails prison prisons imprisoned imprisonment",
    "convict convicted convicts conviction",
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

#: Each word of a group, mapped to the group's first word.
WORDS = {word: group.split()[0] for group in GROUPS for word in group.split()}
_PHRASES: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _word in sorted(PHRASES, key=lambda item: -len(item[0].split())):
    _parts = tuple(_phrase.split())
    _PHRASES.setdefault(_parts[0], []).append((_parts, _word))


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
                out.append(WORDS.get(replacement, replacement))
                position += len(parts)
                break
        else:
            out.append(WORDS.get(word, word))
            position += 1
    return out
