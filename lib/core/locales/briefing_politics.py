"""Texts of the Kekuatan Politik slide of the meeting briefing (PDF pages and Excel sheets)."""

STRINGS: dict[str, dict[str, str]] = {
    "brief.page.kekuatan_politik": {"id": "Kekuatan politik", "en": "Political forces"},
    "brief.continued": {"id": "lanjutan", "en": "continued"},
    "brief.table.forces": {"id": "Kekuatan per kontestasi", "en": "Forces by contest"},
    "brief.table.coalitions": {"id": "Koalisi", "en": "Coalitions"},
    "brief.table.balance": {"id": "Keseimbangan {contest}", "en": "Balance {contest}"},
    "brief.table.contest": {"id": "{title} \u2014 hasil: {region}", "en": "{title} \u2014 results: {region}"},
    "brief.caveat.contest": {"id": "{contest}: {text}", "en": "{contest}: {text}"},
}
