import pytest
from hypothesis import example, given
from hypothesis import strategies as hst

from lib.core.problems import DataProblem
from lib.core.regions import fold, level_of, normalise_code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("KAB. BULELENG", "51.08"),
        ("Kabupaten Buleleng", "51.08"),
        ("buleleng", "51.08"),
        ("  Buleleng ", "51.08"),
        ("Kota Denpasar", "51.71"),
        ("Denpasar", "51.71"),
        ("DPS", "51.71"),
        ("51.08", "51.08"),
        ("5108", "51.08"),
        ("Karang Asem", "51.07"),
        ("KARANGASEM", "51.07"),
        ("Bali", "51"),
        ("Provinsi Bali", "51"),
    ],
)
def test_names_people_type_resolve_to_kemendagri_codes(region_index, text, code):
    assert region_index.resolve(text) == code


def test_unknown_name_suggests_the_closest_regency(region_index):
    with pytest.raises(DataProblem, match="Bulelang") as caught:
        region_index.resolve("Bulelang")
    assert "Buleleng (51.08)" in caught.value.fix


def test_unknown_name_message_follows_the_language(region_index):
    with pytest.raises(DataProblem) as caught:
        region_index.resolve("Gianyr", lang="en")
    assert "is not known" in caught.value.what
    assert "Gianyar (51.04)" in caught.value.fix


def test_a_code_that_is_not_a_bali_region_is_unknown(region_index):
    with pytest.raises(DataProblem, match="52.01"):
        region_index.resolve("52.01")


def test_code_forms_are_normalised():
    assert normalise_code("5108032002") == "51.08.03.2002"
    assert normalise_code("51.08.03") == "51.08.03"
    assert normalise_code("123") is None
    assert level_of("51.08.03.2002") == "desa"


def test_kind_words_are_dropped_when_folding():
    assert fold("KAB. BULELENG") == fold("Kabupaten Buleleng") == "buleleng"
    assert fold("Kota") == "kota"


@given(hst.text(max_size=30))
@example("")
@example("KAB.")
@example("51.")
def test_any_text_resolves_or_raises_a_problem_quoting_it(region_index, text):
    try:
        code = region_index.resolve(text)
    except DataProblem as problem:
        what = problem.what
        code = None
    if code is None:
        assert text.strip() in what
    else:
        assert code in region_index.names
