"""spacereader: compare news coverage of one event side by side, and see where the sources disagree."""

__version__ = "0.1.0"
