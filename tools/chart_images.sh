#!/usr/bin/env bash
# Make the figures of docs/charts.md from the bundled data (needs matplotlib:
# pip install -e '.[charts]'). Run from the repository's root.
set -euo pipefail
cd "$(dirname "$0")/.."
run=${ALLIANCES:-.venv/bin/alliances}
"$run" chart CSTO --out docs/images/csto.png --force
"$run" chart --country UZB --out docs/images/uzbekistan.svg --force
"$run" chart WEU --from 1985 --to 2000 --out docs/images/weu-1985-2000.png --force
