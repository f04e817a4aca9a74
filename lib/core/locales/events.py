"""Names of event categories, phases, precisions and classifications."""

STRINGS: dict[str, dict[str, str]] = {
    "category.riot": {"id": "Kerusuhan", "en": "Riot"},
    "category.clash": {"id": "Bentrokan", "en": "Clash"},
    "category.violence": {"id": "Kekerasan", "en": "Violence"},
    "category.intimidation": {"id": "Intimidasi", "en": "Intimidation"},
    "category.money_politics": {"id": "Politik uang", "en": "Money politics"},
    "category.asn_neutrality": {"id": "Netralitas ASN", "en": "Civil-service neutrality"},
    "category.hoax": {"id": "Hoaks", "en": "Hoax"},
    "category.logistics": {"id": "Logistik", "en": "Logistics"},
    "category.dispute": {"id": "Sengketa", "en": "Dispute"},
    "category.other": {"id": "Lainnya", "en": "Other"},
    "phase.pre": {"id": "Sebelum pemungutan", "en": "Before voting"},
    "phase.during": {"id": "Hari pemungutan", "en": "Voting day"},
    "phase.post": {"id": "Setelah pemungutan", "en": "After voting"},
    "phase.n/a": {"id": "Di luar pemilihan", "en": "Not electoral"},
    "precision.day": {"id": "hari", "en": "day"},
    "precision.month": {"id": "bulan", "en": "month"},
    "precision.year": {"id": "tahun", "en": "year"},
    "classification.TERBUKA": {"id": "Terbuka", "en": "Open"},
    "classification.TERBATAS": {"id": "Terbatas", "en": "Limited"},
    "classification.RAHASIA": {"id": "Rahasia", "en": "Secret"},
}
