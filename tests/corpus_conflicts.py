"""Three hand-written reports of one business story, with the disagreements a reader should be shown.

Written for this project. The outlets disagree on the deal's price, the price per share, the chief
executive's age and the spelling of her name, and the number of plants; they agree, in different words,
on the jump in the shares and the new debt; and they state many figures about other things (sales,
a fine, a rival's deal, ticket prices) that must not be mistaken for disagreements.
"""

from __future__ import annotations

import datetime as dt

BUSINESS_DAILY = (
    "Orion Foods agreed on Monday to buy Bellhaven Dairy for $2.1 billion, or $41 a share, in the largest deal in "
    "the sector this year.\n\n"
    "Bellhaven chief executive Marta Lindqvist, 56, said the company's 4,300 employees would keep their jobs.\n\n"
    "The dairy, founded in 1952 in Wisconsin, has annual sales of about $900 million.\n\n"
    "Shares of Bellhaven jumped 18% on Monday, while Orion's stock fell 2%.\n\n"
    "The deal is expected to close by the end of the year, pending approval from regulators.\n\n"
    "Orion's chief financial officer, Daniel Roth, said the company would fund the purchase with cash and "
    "$1.5 billion of new debt.\n\n"
    "Analysts at Kestrel Research said the price was \u201cfair but not cheap.\u201d\n\n"
    "Orion was fined $3 million in 2019 for mislabelling products."
)
WIRE = (
    "Orion Foods will pay $2.3 billion for Bellhaven Dairy, the companies said on Monday.\n\n"
    "The offer values Bellhaven at $43 per share.\n\n"
    "Marta Lindquist, Bellhaven's 57-year-old chief executive, called the deal \u201ca new chapter.\u201d\n\n"
    "Bellhaven, which was founded in 1953, employs some 4,000 workers at six plants.\n\n"
    "Bellhaven's shares closed up 18 percent.\n\n"
    "The companies expect the deal to close in the fourth quarter.\n\n"
    "Orion will borrow roughly $1.5bn to finance the acquisition, CFO Daniel Roth said.\n\n"
    "Separately, Orion said its revenue rose 4% to $14 billion last year."
)
BLOG = (
    "Orion Foods is buying Bellhaven Dairy in a deal worth more than $2 billion.\n\n"
    "Bellhaven's boss, Marta Lindqvist, who is 56, has run the company for 11 years.\n\n"
    "The takeover is the biggest in the dairy industry since 2015, when a rival paid $3.2 billion for "
    "Clearwater Farms.\n\n"
    "Bellhaven's 4,300 employees work at seven plants across the Midwest.\n\n"
    "Tickets to the company's annual open day cost $15 each."
)
ARTICLES = (
    ("daily", BUSINESS_DAILY, dt.date(2024, 6, 11)),
    ("wire", WIRE, dt.date(2024, 6, 11)),
    ("blog", BLOG, None),
)
#: (attribute, measure or entity, sorted values as written, kind)
EXPECTED = {
    ("money", "price", ("$2.1 billion", "$2.3 billion", "more than $2 billion"), "conflict"),
    ("money", "price", ("$41", "$43"), "conflict"),
    ("age", "Marta Lindqvist", ("56", "56", "57-year-old"), "conflict"),
    ("count", "plant", ("seven", "six"), "conflict"),
    # Not listed when the story was written: "The dairy, founded in 1952" and "Bellhaven, which was founded in
    # 1953" are the same dairy, and a reader should see the two years.
    ("date", "found", ("1952", "1953"), "conflict"),
    ("name", "Marta Lindqvist", ("Marta Lindquist", "Marta Lindqvist", "Marta Lindqvist"), "variant"),
}


# A political story: three reports of a snap election. They disagree on the winner's age (two dated
# reports of the same day), the former prime minister's age, the far right's seats and the spelling of
# the winner's first name; the vote share is given exactly and rounded.
LEDGER = "The centrist Renewal party won Sunday's snap election with 34.2% of the vote, the electoral commission said on Monday.\n\nParty leader Ana Moreira, 47, said she would begin coalition talks this week.\n\nTurnout was 61 percent, down from 66 percent in 2019.\n\nThe far-right Homeland party came second with 21% and will have 48 of the 230 seats.\n\nThe election was called in June after Prime Minister Rui Tavares, 63, resigned over a $40 million procurement scandal.\n\nMoreira, a former finance minister, has promised to cut income tax by 2 percentage points within four years.\n\nAbout 7.2 million people were eligible to vote."
ELECTION_WIRE = "LISBON — Ana Moreira's Renewal party won 34% of the vote in Sunday's election, official results showed on Monday.\n\nMoreira, 48, told supporters in Lisbon that talks on a coalition would start within days.\n\nTurnout reached 61.3%, compared with 66% five years ago.\n\nHomeland, led by Jorge Pina, 52, won 50 seats in the 230-seat parliament.\n\nTavares stepped down in June amid a scandal over a 40-million-dollar contract for military helicopters.\n\nSome 7.2 million voters were registered."
ELECTION_BLOG = "The vote was held on September 29, 2024, four months after the government collapsed.\n\nRenewal leader Anna Moreira, who is 47, campaigned on tax cuts and housing.\n\nFormer prime minister Rui Tavares, 62, did not run.\n\nHomeland's Jorge Pina won about a fifth of the vote and 48 seats.\n\nThe previous election, in 2019, had a turnout of 66%."
ELECTION = (
    ("ledger", LEDGER, dt.date(2024, 9, 30)),
    ("wire", ELECTION_WIRE, dt.date(2024, 9, 30)),
    ("blog", ELECTION_BLOG, None),
)
ELECTION_EXPECTED = {
    ("age", "Ana Moreira", ("47", "47", "48"), "conflict"),
    ("age", "Rui Tavares", ("62", "63"), "conflict"),
    ("count", "vote", ("34%", "34.2%"), "approximation"),
    ("count", "seat", ("48", "48", "50"), "conflict"),
    ("name", "Ana Moreira", ("Ana Moreira", "Ana Moreira", "Anna Moreira"), "variant"),
}
STORIES = ((ARTICLES, EXPECTED), (ELECTION, ELECTION_EXPECTED))
