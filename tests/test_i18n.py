import re
from pathlib import Path

from lib.core.i18n import LANGUAGES, STRINGS, missing_translations, t

ROOT = Path(__file__).resolve().parent.parent
KEY_USE = re.compile(r"""\bt\(\s*f?["']([a-z_]+(?:\.[A-Za-z_/{}]+)+)["']""")


def test_every_string_exists_in_indonesian_and_english():
    assert missing_translations() == []
    assert LANGUAGES == ("id", "en")


def test_every_key_the_code_uses_exists():
    missing = []
    for path in [ROOT / "app.py", *(ROOT / "lib").rglob("*.py"), *(ROOT / "pages").glob("*.py")]:
        for key in KEY_USE.findall(path.read_text(encoding="utf-8")):
            if "{" in key:  # an f-string key: check its prefix exists
                prefix = key.split("{")[0]
                if not any(k.startswith(prefix) for k in STRINGS):
                    missing.append((path.name, key))
            elif key not in STRINGS:
                missing.append((path.name, key))
    assert missing == []


def test_placeholders_match_between_languages():
    fields = re.compile(r"{(\w+)}")
    for key, texts in STRINGS.items():
        assert set(fields.findall(texts["id"])) == set(fields.findall(texts["en"])), key


def test_indonesian_is_the_default():
    assert t("nav.peta") == "Peta"
    assert t("nav.peta", "en") == "Map"
