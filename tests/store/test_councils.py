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


TSV = (
    "short_name\tformal_name\talt_names\tfirst_year\tlast_year\tla_type\tdfe_la_code\n"
    "Barnet\t London Borough of Barnet \tBarnet Council; LB Barnet ;\t\t\tLondon borough\t302\n"
    "Bedford\tBedford Borough Council\t\t2009\t\tunitary\t \n"
    "\tblank short name: skipped\t\t\t\t\t\n"
)


def test_parse_councils_reads_every_column_and_defaults_the_years() -> None:
    from store.councils import CouncilRecord, parse_councils

    assert parse_councils(TSV) == (
        CouncilRecord(
            "Barnet",
            "London Borough of Barnet",
            ("Barnet Council", "LB Barnet"),
            2005,
            2011,
            "London borough",
            "302",
        ),
        CouncilRecord("Bedford", "Bedford Borough Council", (), 2009, 2011, "unitary", ""),
    )


def test_a_directory_built_from_the_table_resolves_by_any_name_and_year() -> None:
    from store.councils import CouncilDirectory, parse_councils

    d = CouncilDirectory(parse_councils(TSV))
    assert [c.short_name for c in d.lookup("LB Barnet")] == ["Barnet"]
    assert [c.short_name for c in d.lookup("barnet council", 2005)] == ["Barnet"]
    assert d.lookup("Bedford", 2008) == [] and d.get("Bedford").first_year == 2009
    assert d.get("Nowhere") is None
    assert sorted(d.keys()) == ["barnet", "bedford"]
    assert d.councils[0].names == (
        "Barnet",
        "London Borough of Barnet",
        "Barnet Council",
        "LB Barnet",
    )
    assert d.councils[0].exists_in(2011) and not d.councils[1].exists_in(2008)


def test_the_shipped_table_loads_the_same_uncached() -> None:
    fresh = directory.__wrapped__()  # the loader itself, not the cached copy
    assert fresh.councils == directory().councils and len(fresh.councils) == 154
