"""Every rule against its fixtures (tests/rules/<CODE>-<name>/, see rule_fixtures.py), in this process:
what it reports on fails.md, with positions and messages; nothing on passes.md; and what `fix`
makes of fails.md. A rule without fixtures fails here, so a new rule comes with them."""

import json

import pytest

from rule_fixtures import RULES, RULES_DIR, as_json, directory, load

CODES = sorted(RULES)


def test_every_fixture_directory_names_a_rule():
    names = {directory(rule).name for rule in RULES.values()}
    strays = sorted(path.name for path in RULES_DIR.iterdir() if path.name not in names)
    assert strays == [], "a fixture directory is named <CODE>-<name> after an existing rule"


@pytest.mark.parametrize("code", CODES)
def test_the_failing_example_reports_what_is_expected(code):
    fixture = load(RULES[code])
    expected = fixture.expected()
    assert expected and {item["code"] for item in expected} <= {code, *fixture.config.select}
    actual = [as_json(diagnostic) for diagnostic in fixture.check("fails.md")]
    assert actual == expected, "actual:\n" + "\n".join(json.dumps(item, ensure_ascii=False) for item in actual)


@pytest.mark.parametrize("code", CODES)
def test_the_passing_example_reports_nothing(code):
    assert [as_json(diagnostic) for diagnostic in load(RULES[code]).check("passes.md")] == []


@pytest.mark.parametrize("code", CODES)
def test_fix_gives_the_fixed_example_and_a_second_fix_changes_nothing(code):
    rule = RULES[code]
    fixture = load(rule)
    failing = (fixture.path / "fails.md").read_bytes()
    unsafe = rule.fix == "unsafe"
    result = fixture.fix("fails.md", unsafe)
    assert result.converged and result.refused == ()
    if rule.fix == "never":
        assert fixture.fixed() is None, "a rule that never fixes has no fixed.md"
        assert fixture.fix("fails.md", unsafe=True).text.encode("utf-8") == failing
        return
    assert result.text == fixture.fixed(), "fixed.md is fails.md after " + ("fix --unsafe-fixes" if unsafe else "fix")
    assert result.text.encode("utf-8") != failing, "the fix changes the file"
    assert fixture.fix_text(result.text, unsafe) == result.text
    if unsafe:
        assert fixture.fix("fails.md", unsafe=False).text.encode("utf-8") == failing, "plain `fix` applies no unsafe fix"
