"""UI strings by area; each module defines ``STRINGS = {key: {"id": ..., "en": ...}}``."""
