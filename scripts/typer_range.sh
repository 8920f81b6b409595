#!/usr/bin/env bash
# The CLI tests against the lowest and the newest Typer of pyproject's range, each in a
# throwaway venv (issue 21: Typer through its front door). Cheap: the adapter's own
# checks and the usage-error and help tests, not the whole suite. Usage:
#   scripts/typer_range.sh            # both bounds
#   scripts/typer_range.sh 0.22.0     # one version
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-python3}"
low="$(sed -n 's/.*"typer>=\([0-9.]*\),<.*/\1/p' "$repo/pyproject.toml")"
versions=("$@")
if [ ${#versions[@]} -eq 0 ]; then
    versions=("$low.0" "$("$python" -m pip index versions typer 2>/dev/null | sed -n 's/^typer (\(.*\))$/\1/p')")
fi
tests=(tests/test_typer_adapter.py tests/test_cli.py tests/test_help_zh.py tests/test_answers.py
       tests/test_hostile.py tests/test_hostile3_cli.py)
for version in "${versions[@]}"; do
    work="$(mktemp -d)"
    echo "== typer $version"
    "$python" -m venv "$work/venv"
    "$work/venv/bin/pip" install --quiet -e "$repo" "typer==$version" pytest pytest-xdist \
        hypothesis uniseg "rich==15.0.0"
    "$work/venv/bin/python" -c 'import typer; print("typer", typer.__version__)'
    (cd "$repo" && "$work/venv/bin/pytest" -q -p no:cacheprovider -p no:randomly "${tests[@]}")
    rm -rf "$work"
done
