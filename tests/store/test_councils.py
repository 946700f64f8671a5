import pytest

from store.councils import directory, name_key


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("BIRMINGHAM CITY COUNCIL", "Birmingham"),
        ("Birmingham's", "Birmingham"),
        ("SURREY COUNTY COUNCIL S", "Surrey"),
        ("THE EAST RIDING OF YORKSHIRE COUNCIL", "East Riding of Yorkshire"),
        ("LONDON BOROUGH OF RICHMOND UPON THAMES COUNCIL", "Richmond upon Thames"),
        ("Kingston-upon-Thames", "Kingston upon Thames"),
        ("Royal Borough of Kingston upon Thames", "Kingston upon Thames"),
        ("Brighton & Hove", "Brighton and Hove"),
        ("Bristol, City of", "Bristol"),
        ("Hull", "Kingston upon Hull"),
        ("City of York Council", "York"),
        ("Council of the Isles of Scilly", "Isles of Scilly"),
        ("Cornwall County Council", "Cornwall"),
    ],
)
def test_council_names_resolve_to_short_name(name: str, short: str) -> None:
    assert [c.short_name for c in directory().lookup(name)] == [short]


def test_bedford_and_bedfordshire_are_different_councils_by_year() -> None:
    d = directory()
    assert [c.short_name for c in d.lookup("Bedford", 2010)] == ["Bedford"]
    assert d.lookup("Bedford", 2008) == []
    assert [c.short_name for c in d.lookup("Bedfordshire County Council", 2008)] == ["Bedfordshire"]


def test_name_key_folds_the_variants_formats_md_lists() -> None:
    assert name_key("Telford & Wrekin Council") == name_key("Telford and Wrekin") != ""
    assert name_key("CHILDREN S") == "children"


def test_table_covers_every_council() -> None:
    d = directory()
    assert len(d.councils) == 154
    assert sum(1 for c in d.councils if c.exists_in(2008)) == 150
    assert sum(1 for c in d.councils if c.exists_in(2009)) == 152
