"""The ground floor every package stands on.

Problems, settings, language, regions, dates, the clock, elections, vocabularies, view state and
text rules. Import the module you need (``lib.core.regions``); nothing here imports another package.
"""
