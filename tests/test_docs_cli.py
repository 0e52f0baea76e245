"""The CLI documentation cannot drift from the code (in the style of sqlite-utils'
tests/test_docs.py): docs/cli-reference.md is regenerated from every command's --help and
compared, docs/cli.md has a section with real examples for every command, and the help itself
renders (one-line summaries that are not cut, defaults that are not swallowed).

The examples' outputs depend on the bundled data, so checking them runs every example
(tools/cli_examples.py --check, about a minute): that test is marked slow."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLI_MD = ROOT / "docs" / "cli.md"
REFERENCE_MD = ROOT / "docs" / "cli-reference.md"


def _tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"tools_{name}", ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


reference = _tool("cli_reference")
examples = _tool("cli_examples")

COMMANDS = [" ".join(path) for path in reference.leaf_commands()]


def _section(text: str, command: str) -> str:
    """The part of docs/cli.md under the heading of ``command``, up to the next heading."""
    m = re.search(rf"^## `alliances {re.escape(command)}`[^\n]*\n(.*?)(?=^## |\Z)", text,
                  flags=re.MULTILINE | re.DOTALL)
    return m.group(1) if m else ""


# -- the reference -----------------------------------------------------------------------------
def test_the_command_list_is_complete() -> None:
    assert {"members", "memberships", "timeline", "history", "diff", "shared", "orgs", "show",
            "search", "chart", "export", "import cow-igo", "compare", "validate"} <= set(COMMANDS)
    assert "import" not in COMMANDS  # a group, documented through its subcommand


def test_the_reference_is_up_to_date() -> None:
    new = reference.render()
    old = REFERENCE_MD.read_text(encoding="utf-8")
    if new != old:
        import difflib

        diff = "".join(difflib.unified_diff(old.splitlines(keepends=True),
                                            new.splitlines(keepends=True), "on disk", "--help"))
        pytest.fail("docs/cli-reference.md is out of date: run "
                    f".venv/bin/python tools/cli_reference.py\n{diff}")


def test_the_reference_does_not_depend_on_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in (("COLUMNS", "37"), ("FORCE_COLOR", "1"), ("TERM", "xterm-256color"),
                        ("GITHUB_ACTIONS", "true"), ("NO_COLOR", ""), ("LINES", "5")):
        monkeypatch.setenv(name, value)
    assert reference.render() == REFERENCE_MD.read_text(encoding="utf-8")


def test_the_reference_has_every_command() -> None:
    text = REFERENCE_MD.read_text(encoding="utf-8")
    headings = re.findall(r"^## `(alliances[^`]*)`$", text, flags=re.MULTILINE)
    assert headings == [" ".join(("alliances", *p)) for p in reference.command_paths()]
    assert "\x1b[" not in text  # no colour


def test_check_reports_a_stale_reference(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "cli-reference.md"
    page.write_text("# CLI reference\n\nstale\n", encoding="utf-8")
    assert reference.main(["--check", "--page", str(page)]) == 1
    out, err = capsys.readouterr()
    assert "-stale\n" in out and "+## `alliances members`\n" in out
    assert "out of date" in err
    assert page.read_text(encoding="utf-8") == "# CLI reference\n\nstale\n"  # --check never writes
    assert reference.main(["--page", str(page)]) == 0
    assert page.read_text(encoding="utf-8") == REFERENCE_MD.read_text(encoding="utf-8")
    assert reference.main(["--check", "--page", str(page)]) == 0


# -- the help itself ---------------------------------------------------------------------------
@pytest.mark.parametrize("path", [(), ("import",)], ids=["alliances", "import"])
def test_command_summaries_are_not_cut(path: tuple[str, ...]) -> None:
    """A group lists its commands with their one-line summaries; Click cuts a long one with
    '...': keep each command's first sentence short."""
    text = reference.help_text(path)
    listing = text.split("Commands:", 1)[1]
    rows = [line for line in listing.splitlines() if line.strip()]
    assert rows
    assert [r for r in rows if r.rstrip().endswith("...")] == []


@pytest.mark.parametrize("command", COMMANDS)
def test_help_renders_every_default(command: str) -> None:
    """Defaults written in option help as '[default: ...]' show in --help (Rich markup, when
    the app uses it, swallows unescaped square brackets) and no escape shows."""
    import typer.main

    from alliances.cli import app

    cmd = typer.main.get_command(app)
    for part in command.split():
        cmd = cmd.get_command(None, part)  # type: ignore[attr-defined]
    written = sum("[default:" in (getattr(p, "help", None) or "") for p in cmd.params)
    text = " ".join(reference.help_text(command.split()).split())
    assert text.count("[default:") >= written
    assert "\\[" not in text


# -- the guide ---------------------------------------------------------------------------------
@pytest.mark.parametrize("command", COMMANDS)
def test_cli_md_documents_every_command(command: str) -> None:
    text = CLI_MD.read_text(encoding="utf-8")
    assert _section(text, command), f"docs/cli.md has no '## `alliances {command}`' section"


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_md_shows_real_examples_of_every_command(command: str) -> None:
    section = _section(CLI_MD.read_text(encoding="utf-8"), command)
    runs = re.findall(rf"^\$ (?:\S+=\S+ )*alliances {re.escape(command)}(?: |$)", section,
                      flags=re.MULTILINE)
    assert len(runs) >= 2, f"docs/cli.md: fewer than two examples of 'alliances {command}'"


def test_cli_md_documents_no_unknown_command() -> None:
    text = CLI_MD.read_text(encoding="utf-8")
    documented = re.findall(r"^## `alliances ([^`]+)`", text, flags=re.MULTILINE)
    assert sorted(documented) == sorted(COMMANDS)


def test_every_example_in_cli_md_has_its_output() -> None:
    """Each marker is followed by the block tools/cli_examples.py writes: one '$ command' per
    command of the marker, in order (a marker added by hand and never run fails here)."""
    text = CLI_MD.read_text(encoding="utf-8")
    found = list(examples.EXAMPLE.finditer(text))
    assert len(found) >= 2 * len(COMMANDS)
    for m in found:
        example = examples.parse_example(m.group("opts"), m.group("cmds"))
        body = m.group("body")
        assert body.startswith("```console\n") and body.endswith("```\n"), m.group(0)[:200]
        prompts = re.findall(r"^\$ (.*)$", body, flags=re.MULTILINE)
        assert prompts == example.commands


def test_the_conventions_are_documented() -> None:
    text = CLI_MD.read_text(encoding="utf-8")
    for needle in ("org, country, country_name, status, start, start_precision, end, "
                   "end_precision, uncertain, sources",
                   "date, date_precision, org, country, event, status, announced, note, sources",
                   "ALLIANCES_DATA", "--no-bundled", "ALLIANCES_CACHE_DIR", "ALLIANCES_NO_CACHE",
                   "NO_COLOR", "--install-completion", "≈", "uncertain"):
        assert needle in " ".join(text.split()), needle


# -- the examples tool -------------------------------------------------------------------------
def test_example_markers_parse() -> None:
    e = examples.parse_example(" head=3 tail=1", "\nalliances a\n  alliances b -f csv\n")
    assert (e.commands, e.head, e.tail) == (["alliances a", "alliances b -f csv"], 3, 1)
    with pytest.raises(ValueError, match="unknown example option"):
        examples.parse_example(" lines=3", "alliances a")
    with pytest.raises(ValueError, match="without a command"):
        examples.parse_example("", "  ")


def test_trim_marks_what_it_leaves_out() -> None:
    lines = [str(i) for i in range(10)]
    assert examples.trim(lines, 3, 2) == ["0", "1", "2", "...", "8", "9"]
    assert examples.trim(lines, 3, 0) == ["0", "1", "2", "..."]
    assert examples.trim(lines, 8, 1) == lines  # cutting would not make it shorter
    assert examples.trim(lines, None, 0) == lines


def test_render_runs_the_commands_and_rewrites_their_blocks() -> None:
    page = (
        "Intro.\n\n"
        "<!-- file: input.txt -->\n```text\nfirst line\nsecond line\nthird line\n```\n\n"
        "<!-- example head=1: cat input.txt -->\nstale output\n<!-- /example -->\n\n"
        "<!-- example:\nalliances --version\necho oops >&2; exit 3\n-->\n<!-- /example -->\n"
        "Outro.\n"
    )
    new = examples.render(page)
    assert new == (
        "Intro.\n\n"
        "<!-- file: input.txt -->\n```text\nfirst line\nsecond line\nthird line\n```\n\n"
        "<!-- example head=1: cat input.txt -->\n```console\n$ cat input.txt\nfirst line\n...\n"
        "```\n<!-- /example -->\n\n"
        "<!-- example:\nalliances --version\necho oops >&2; exit 3\n-->\n```console\n"
        "$ alliances --version\n"
        f"alliances {__import__('alliances').__version__}\n\n"
        "$ echo oops >&2; exit 3\noops\n[exit 3]\n```\n<!-- /example -->\n"
        "Outro.\n"
    )
    assert examples.render(new) == new


@pytest.mark.slow
def test_the_examples_in_cli_md_are_up_to_date() -> None:
    """Runs every example (about a minute). Fails when the code or the bundled data changed an
    output: refresh with .venv/bin/python tools/cli_examples.py."""
    old = CLI_MD.read_text(encoding="utf-8")
    assert examples.render(old) == old


def test_links_within_cli_md_resolve() -> None:
    """Every '(#anchor)' link in docs/cli.md points at a heading (GitHub's slugs)."""
    text = CLI_MD.read_text(encoding="utf-8")
    slugs = {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-")
             for h in re.findall(r"^#+ (.*)$", text, flags=re.MULTILINE)}
    links = re.findall(r"\]\(#([^)]+)\)", text)
    assert links
    assert [a for a in links if a not in slugs] == []
