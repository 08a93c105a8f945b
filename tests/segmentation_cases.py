"""Hand-written segmentation cases from news-like text: (text, expected sentences).

Shared by tests/test_segment.py (which must pass on every case) and tests/bench/bench_segment.py
(which scores the maintained libraries on the same cases).
"""

CASES: list[tuple[str, list[str]]] = [
    # abbreviations
    ("The meeting starts at 9 a.m. and ends at noon.", ["The meeting starts at 9 a.m. and ends at noon."]),
    (
        "The polls close at 8 p.m. The first results are due an hour later.",
        ["The polls close at 8 p.m.", "The first results are due an hour later."],
    ),
    (
        "The U.S. economy grew by 2.1% in the third quarter.",
        ["The U.S. economy grew by 2.1% in the third quarter."],
    ),
    (
        "Exports fell sharply in the U.S. The decline surprised analysts.",
        ["Exports fell sharply in the U.S.", "The decline surprised analysts."],
    ),
    (
        "Mr. Alvarez declined to comment. Mrs. Okafor did not return calls.",
        ["Mr. Alvarez declined to comment.", "Mrs. Okafor did not return calls."],
    ),
    (
        "Dr. Priya Nair led the trial at St. Mary's Hospital in London.",
        ["Dr. Priya Nair led the trial at St. Mary's Hospital in London."],
    ),
    (
        "The project will cost Rs. 450 crore, officials said.",
        ["The project will cost Rs. 450 crore, officials said."],
    ),
    (
        "The fire started near Spokane, Wash. on Sunday evening.",
        ["The fire started near Spokane, Wash. on Sunday evening."],
    ),
    (
        "The company was founded in Seattle, Wash. The founders later moved to Texas.",
        ["The company was founded in Seattle, Wash.", "The founders later moved to Texas."],
    ),
    (
        "The law takes effect on Jan. 1 next year.",
        ["The law takes effect on Jan. 1 next year."],
    ),
    (
        "Gov. Ellen Marsh signed the bill on Friday. Sen. Tom Price voted against it.",
        ["Gov. Ellen Marsh signed the bill on Friday.", "Sen. Tom Price voted against it."],
    ),
    (
        "Shares of Acme Corp. rose 4% after the report.",
        ["Shares of Acme Corp. rose 4% after the report."],
    ),
    (
        "The merger created Northwind Holdings Inc. The deal closed in March.",
        ["The merger created Northwind Holdings Inc.", "The deal closed in March."],
    ),
    (
        "Fruit, vegetables, grains etc. are all subject to the new tariff.",
        ["Fruit, vegetables, grains etc. are all subject to the new tariff."],
    ),
    (
        "Some materials, e.g. cobalt and lithium, are in short supply.",
        ["Some materials, e.g. cobalt and lithium, are in short supply."],
    ),
    (
        "The striker wore the No. 9 shirt for a decade.",
        ["The striker wore the No. 9 shirt for a decade."],
    ),
    # decimals and times
    ("Inflation eased to 3.5 percent in May.", ["Inflation eased to 3.5 percent in May."]),
    (
        "The rocket docked at 9:22 GMT. The crew opened the hatch two hours later.",
        ["The rocket docked at 9:22 GMT.", "The crew opened the hatch two hours later."],
    ),
    (
        "The train left at 7.15 pm and arrived just before midnight.",
        ["The train left at 7.15 pm and arrived just before midnight."],
    ),
    (
        "The index closed at 4,512.75 points. Bond yields were flat.",
        ["The index closed at 4,512.75 points.", "Bond yields were flat."],
    ),
    ("Version 2.0.1 of the app fixes the bug.", ["Version 2.0.1 of the app fixes the bug."]),
    # initials
    (
        "J. K. Rowling announced a new book on Tuesday.",
        ["J. K. Rowling announced a new book on Tuesday."],
    ),
    (
        "President George W. Bush visited the plant in 2004.",
        ["President George W. Bush visited the plant in 2004."],
    ),
    (
        "The patients were given vitamin D. The results were mixed.",
        ["The patients were given vitamin D.", "The results were mixed."],
    ),
    # ellipses
    (
        "He paused... and then he signed the contract.",
        ["He paused... and then he signed the contract."],
    ),
    (
        "The talks dragged on… Nobody expected a deal by Friday.",
        ["The talks dragged on…", "Nobody expected a deal by Friday."],
    ),
    # quotes
    (
        "“We will win this race,” the coach said. The team trains again on Monday.",
        ["“We will win this race,” the coach said.", "The team trains again on Monday."],
    ),
    (
        "The minister said the plan was “dead on arrival.” Parliament votes next week.",
        ["The minister said the plan was “dead on arrival.”", "Parliament votes next week."],
    ),
    (
        "“Is this the end?” she asked. Nobody answered.",
        ["“Is this the end?” she asked.", "Nobody answered."],
    ),
    (
        "“Enough waiting! We start today!”, the mayor wrote on social media.",
        ["“Enough waiting! We start today!”, the mayor wrote on social media."],
    ),
    (
        'He called the ruling "a disgrace." His lawyers plan to appeal.',
        ['He called the ruling "a disgrace."', "His lawyers plan to appeal."],
    ),
    (
        "“We lost. It hurts. But we will be back,” the captain said after the final.",
        ["“We lost. It hurts. But we will be back,” the captain said after the final."],
    ),
    (
        "The band’s new single is called ‘Night Drive’. It was released on Friday.",
        ["The band’s new single is called ‘Night Drive’.", "It was released on Friday."],
    ),
    # parentheses and brackets
    (
        "The crew launched on Tuesday (5) before the storm arrived.",
        ["The crew launched on Tuesday (5) before the storm arrived."],
    ),
    (
        "The director spoke at a press conference last Friday (1). He was tired.",
        ["The director spoke at a press conference last Friday (1).", "He was tired."],
    ),
    (
        "Turnout was high (about 70 percent.) Officials were pleased.",
        ["Turnout was high (about 70 percent.)", "Officials were pleased."],
    ),
    (
        "The agency (which was founded in 1958) announced the mission.",
        ["The agency (which was founded in 1958) announced the mission."],
    ),
    # question and exclamation marks
    (
        "Will the deal survive? Analysts are divided!",
        ["Will the deal survive?", "Analysts are divided!"],
    ),
    ("Yahoo! reported higher revenue this quarter.", ["Yahoo! reported higher revenue this quarter."]),
    # numbers at sentence starts and ends
    (
        "The first man reached orbit in 1961. 2021 brought the first film shot there.",
        ["The first man reached orbit in 1961.", "2021 brought the first film shot there."],
    ),
    (
        "The vote was 52 to 48. Turnout reached a record.",
        ["The vote was 52 to 48.", "Turnout reached a record."],
    ),
    # paragraphs and headings
    (
        "A short headline without a full stop\n\nThe story begins here. It continues.",
        ["A short headline without a full stop", "The story begins here.", "It continues."],
    ),
    (
        "The first paragraph ends here\n\n\nAnd another one starts after blank lines.",
        ["The first paragraph ends here", "And another one starts after blank lines."],
    ),
    (
        "A line wrapped by the\nnewsroom system stays in one sentence.",
        ["A line wrapped by the\nnewsroom system stays in one sentence."],
    ),
    # non-Latin scripts and dashes
    (
        "Москва ответила быстро. Вашингтон промолчал.",
        ["Москва ответила быстро.", "Вашингтон промолчал."],
    ),
    (
        "The film will be called – never was a title more fitting – “The Challenge”. It opens in April.",
        ["The film will be called – never was a title more fitting – “The Challenge”.", "It opens in April."],
    ),
    (
        "Prices rose 12% in Jan. Economists blamed energy costs.",
        ["Prices rose 12% in Jan.", "Economists blamed energy costs."],
    ),
    (
        "The suspect, 34, appeared in court on Monday. Police said he had no prior record.",
        ["The suspect, 34, appeared in court on Monday.", "Police said he had no prior record."],
    ),
]
