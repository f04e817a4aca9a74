"""Labels of internal values that had none yet (confidence of a source)."""

STRINGS: dict[str, dict[str, str]] = {
    "confidence.high": {"id": "Tinggi", "en": "High"},
    "confidence.medium": {"id": "Sedang", "en": "Medium"},
    "confidence.low": {"id": "Rendah", "en": "Low"},
}
