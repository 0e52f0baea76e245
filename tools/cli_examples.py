"""Run the examples in docs/cli.md and write their real output back into the page.

    .venv/bin/python tools/cli_examples.py          # run every example, rewrite the outputs
    .venv/bin/python tools/cli_examples.py --check  # exit 1 with a diff if an output changed

An example is a marker followed by its output block, which this script owns (never edit it by
hand):

    <!-- example: alliances members CSTO --on 2012-06-29 -f table -->
    ```console
    $ alliances members CSTO --on 2012-06-29 -f table
    ...the output...
    ```
    <!-- /example -->

The marker holds one shell command a line (pipes and ``VAR=value`` prefixes work: each runs in
``bash -o pipefail``). Options before the colon trim long outputs: ``head=N`` keeps the first N
lines of stdout, ``tail=M`` also keeps the last M, with a ``...`` line where lines were left out.
In the block, each command is followed by what it wrote on stderr (notes, errors), then by its
stdout, then ``[exit N]`` when its exit status is not 0.

Input files are written from the page too: a ``<!-- file: NAME -->`` marker followed by a code
block writes that block to NAME in the working directory before the examples after it run.

Every command runs in document order, in one fresh temporary directory, with the ``alliances`` of
this interpreter, the bundled data only (``ALLIANCES_*`` variables cleared), a private cache,
and a fixed terminal: ``COLUMNS=80``, ``NO_COLOR=1``, ``TERM=dumb``, stdout not a terminal (so
give ``-f table`` to show a table). Trailing spaces (Rich's padding) are removed from every
line. Outputs depend
on the bundled data: refresh the page when the data changes.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools._pages import write_or_check  # noqa: E402

PAGE = ROOT / "docs" / "cli.md"
WIDTH = 80
TIMEOUT = 300

EXAMPLE = re.compile(
    r"<!-- example(?P<opts>[^:\n]*):(?P<cmds>.*?)-->\n(?P<body>.*?)<!-- /example -->\n",
    re.DOTALL,
)
FILE = re.compile(r"<!-- file: (?P<name>[^\s/]+) -->\n```[^\n]*\n(?P<content>.*?)^```\n",
                  re.DOTALL | re.MULTILINE)
OPTION = re.compile(r"^(head|tail)=(\d+)$")

# Variables that would change what the commands print: colour forcing, CI detection, our own.
DROP = ("FORCE_COLOR", "PY_COLORS", "CLICOLOR_FORCE", "TTY_COMPATIBLE", "TTY_INTERACTIVE",
        "GITHUB_ACTIONS", "JUPYTER_COLUMNS", "_TYPER_FORCE_DISABLE_TERMINAL", "PYTHONSTARTUP",
        "XDG_CACHE_HOME")


@dataclass(frozen=True)
class Example:
    commands: list[str]
    head: int | None
    tail: int


def parse_example(opts: str, cmds: str) -> Example:
    """The commands and trimming options of one marker."""
    head: int | None = None
    tail = 0
    for word in opts.split():
        m = OPTION.match(word)
        if not m:
            raise ValueError(f"unknown example option {word!r} (known: head=N, tail=N)")
        if m.group(1) == "head":
            head = int(m.group(2))
        else:
            tail = int(m.group(2))
    commands = [line.strip() for line in cmds.strip().splitlines() if line.strip()]
    if not commands:
        raise ValueError("an example marker without a command")
    if tail and head is None:
        raise ValueError("tail=N needs head=N")
    return Example(commands, head, tail)


def trim(lines: list[str], head: int | None, tail: int) -> list[str]:
    """The first ``head`` and last ``tail`` lines with ``...`` between, when that is shorter."""
    if head is None or len(lines) <= head + tail + 1:
        return lines
    return [*lines[:head], "...", *(lines[len(lines) - tail:] if tail else [])]


def environment(work: Path, shim: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("ALLIANCES_") and k not in DROP}
    env.update(
        COLUMNS=str(WIDTH), LINES="40", NO_COLOR="1", TERM="dumb", PYTHONIOENCODING="utf-8",
        LANG="C.UTF-8", LC_ALL="C.UTF-8", ALLIANCES_CACHE_DIR=str(work / ".cache"),
        PATH=f"{shim}{os.pathsep}{os.environ.get('PATH', '')}",
    )
    return env


def _lines(text: str) -> list[str]:
    lines = [line.rstrip(" ") for line in text.splitlines()]  # Rich pads lines with spaces
    while lines and not lines[-1]:
        lines.pop()
    return lines


def run(command: str, work: Path, env: dict[str, str], example: Example) -> list[str]:
    """``$ command``, its stderr, its (trimmed) stdout and its exit status, as lines."""
    done = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=work, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=TIMEOUT,
                          check=False)
    out = [f"$ {command}", *_lines(done.stderr),
           *trim(_lines(done.stdout), example.head, example.tail)]
    if done.returncode != 0:
        out.append(f"[exit {done.returncode}]")
    return out


def render(text: str, *, verbose: bool = False) -> str:
    """The page with every example's output block rewritten."""
    with tempfile.TemporaryDirectory(prefix="alliances-cli-examples-") as tmp:
        work = Path(tmp)
        shim = work / ".bin"
        shim.mkdir()
        script = shim / "alliances"
        script.write_text(f"#!/bin/sh\nexec {shlex.quote(sys.executable)} -m alliances \"$@\"\n",
                          encoding="utf-8")
        script.chmod(0o755)
        env = environment(work, shim)
        marks = sorted([*EXAMPLE.finditer(text), *FILE.finditer(text)], key=lambda m: m.start())
        parts: list[str] = []
        pos = 0
        for m in marks:
            if m.start() < pos:
                raise ValueError(f"overlapping markers near line {text.count(chr(10), 0, pos)}")
            if m.re is FILE:
                (work / m.group("name")).write_text(m.group("content"), encoding="utf-8")
                continue
            example = parse_example(m.group("opts"), m.group("cmds"))
            blocks: list[str] = []
            for command in example.commands:
                if verbose:
                    print(f"$ {command}", file=sys.stderr)
                blocks.append("\n".join(run(command, work, env, example)))
            marker = text[m.start():m.start("body")]
            body = "```console\n" + "\n\n".join(blocks) + "\n```\n"
            parts.append(text[pos:m.start()] + marker + body + "<!-- /example -->\n")
            pos = m.end()
        parts.append(text[pos:])
    return "".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true",
                        help="do not write: exit 1 with a diff if an output changed")
    parser.add_argument("--page", type=Path, default=PAGE, help="the page (default: %(default)s)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each command")
    args = parser.parse_args(argv)
    old = args.page.read_text(encoding="utf-8")
    new = render(old, verbose=args.verbose)
    return write_or_check(args.page, old, new, check=args.check, produced_by="commands run now",
                          stale=": outputs changed; run .venv/bin/python tools/cli_examples.py")

if __name__ == "__main__":
    sys.exit(main())
