"""The pure engine: articles in, a `Comparison` out (segment → facts, names / align → conflicts).

Nothing here reads a file, the network, the clock or the terminal, and nothing imports Textual or Rich.
"""
