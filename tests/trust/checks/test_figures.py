"""part_of links: cycles found once each, and a long chain walked once (issue 11: 3,000 figures took over 60 s)."""

from summarizer import ArticleSummary, validate
from summarizer.trust.checks.figures import check_figure_refs, part_of_cycles


class Counting(dict):
    """A dict that counts how often it is looked into."""

    looks = 0

    def __getitem__(self, key):
        Counting.looks += 1
        return super().__getitem__(key)

    def __contains__(self, key):
        Counting.looks += 1
        return super().__contains__(key)


def chain(n: int, close_at: int | None = None) -> dict[str, str | None]:
    """f0 <- f1 <- ... <- f(n-1), each part_of the one before; f0 part_of f(close_at) if given."""
    parent = {f"f{i}": (f"f{i - 1}" if i else None) for i in range(n)}
    if close_at is not None:
        parent["f0"] = f"f{close_at}"
    return parent


def test_a_long_chain_is_walked_once():
    for n in (1_000, 3_000, 30_000):
        Counting.looks = 0
        assert part_of_cycles(Counting(chain(n))) == []
        assert Counting.looks <= 4 * n  # linear: each id walked once, whatever the order


def test_a_cycle_at_the_end_of_a_long_chain_is_reported_once_with_its_members():
    cycles = part_of_cycles(chain(3_000, close_at=2))  # f0 -> f2 -> f1 -> f0
    assert cycles == [("f0", ["f0", "f2", "f1"])]


def test_3000_figures_in_a_chain_validate_with_one_finding():
    figures = [{"id": f"f{i}", "label": "x", "value": 1, "text": "1", "part_of": f"f{i - 1}" if i else f"f{2999}"}
               for i in range(3_000)]
    summary = ArticleSummary(headline="h", summary="s", figures=figures)
    refs = check_figure_refs(summary)
    assert [(f.code, f.path) for f in refs] == [("figure.part_of_cycle", "figures[0].part_of")]
    assert refs[0].message.startswith("part_of links form a cycle (f0 -> f2999 -> f2998")
    report = validate("1개가 있다.", summary)
    assert [f.code for f in report.findings if f.code.startswith("figure.part")] == ["figure.part_of_cycle"]


def test_unknown_ids_are_listed_briefly():
    figures = [{"id": f"f{i}", "label": "x", "value": 1, "text": "1"} for i in range(500)]
    figures.append({"id": "g", "label": "x", "value": 1, "text": "1", "part_of": "nope"})
    (f,) = check_figure_refs(ArticleSummary(headline="h", summary="s", figures=figures))
    assert f.code == "figure.unknown_part_of" and "(501 in all)" in f.message and len(f.message) < 400
