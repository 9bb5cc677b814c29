"""Draft the records of a new article (``detente draft``); placeholder docstring."""

__all__: list[str] = []
