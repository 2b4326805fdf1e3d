"""`summarizer schema`: the JSON Schemas of the output contract, for a user who has only the installed package."""

import json

import pytest

from summarizer.cli import main
from summarizer.cli.schema import NAMES
from support.corpus import ROOT


def test_with_no_name_it_prints_the_summary_schema_validate_reads(capsys):
    assert main(["schema"]) == 0
    out = capsys.readouterr().out
    assert out == (ROOT / "schemas" / "article_summary.schema.json").read_text(encoding="utf-8")
    assert set(json.loads(out)["required"]) == {"headline", "summary"}


@pytest.mark.parametrize("name", sorted(NAMES))
def test_each_name_prints_the_schema_file_of_that_name(capsys, name):
    assert main(["schema", name]) == 0
    assert capsys.readouterr().out == (ROOT / "schemas" / NAMES[name]).read_text(encoding="utf-8")


def test_an_unknown_name_is_a_usage_error_listing_the_names(capsys):
    with pytest.raises(SystemExit) as e:
        main(["schema", "summaries"])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: summarizer schema ") and "invalid choice" in err and "summaries" in err
    assert all(name in err.splitlines()[-1] for name in NAMES)
