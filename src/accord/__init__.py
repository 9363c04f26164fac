"""accord: monitor a conflict and its peace agreement from the news."""

__version__ = "0.1.0"

