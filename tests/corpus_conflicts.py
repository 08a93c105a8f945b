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
#: (attribute, context or entity, sorted values as written, kind)
EXPECTED = {
    ("money", "price", ("$2.1 billion", "$2.3 billion", "more than $2 billion"), "conflict"),
    ("money", "price", ("$41", "$43"), "conflict"),
    ("age", "Marta Lindqvist", ("56", "56", "57-year-old"), "conflict"),
    ("count", "plant", ("seven", "six"), "conflict"),
    ("name", "Marta Lindqvist", ("Marta Lindquist", "Marta Lindqvist", "Marta Lindqvist"), "variant"),
}
