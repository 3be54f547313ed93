#!/usr/bin/env bash
# Regenerate the "upgrade from 0.1.0" fixture (see README.md beside this script) with syndicate 0.1.0.
#
#   tests/data/upgrade-0.1.0/make-fixture.sh
#
# What it does:
#   1. clones this repository into a temp folder and checks out 57658cf (release 0.1.0);
#   2. runs the fixed command sequence (SEQUENCE below, every command with --now) with that code against the
#      SQLite store store/syndicate-0.1.0.sqlite, writing feeds/ and partners/ here; checkpoints the WAL and
#      switches the file to journal_mode=DELETE so the single .sqlite file is complete;
#   3. runs the same sequence against a fresh PostgreSQL database (feeds and partner files go to a temp folder),
#      dumps it to store/syndicate-0.1.0.postgres.sql, drops the database, and compares its feeds and partner
#      files byte for byte with the SQLite run's (exit 1 on a difference).
#
# Inputs that are NOT regenerated (hand-written, committed): input/round{1,2,3}.jsonl, config/syndicate.toml.
#
# Environment (all optional):
#   PYTHON      interpreter with syndicate's dependencies   (default: <repo>/.venv/bin/python)
#   PGHOST PGPORT PGUSER                                      (default: 127.0.0.1 5432 postgres, trust auth)
#   PGDB        scratch database, dropped at the end         (default: syndicate_v010_fixture)
#   SKIP_PG=1   only redo the SQLite part
set -euo pipefail

COMMIT=57658cf
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(git -C "$HERE" rev-parse --show-toplevel)"
PYTHON="${PYTHON:-$REPO/.venv/bin/python}"
PGHOST="${PGHOST:-127.0.0.1}"; PGPORT="${PGPORT:-5432}"; PGUSER="${PGUSER:-postgres}"
PGDB="${PGDB:-syndicate_v010_fixture}"
export PGHOST PGPORT PGUSER

T1=2026-03-01T10:00:00Z
T2=2026-03-02T10:00:00Z
T3=2026-03-03T10:00:00Z

WORK="$(mktemp -d /tmp/syndicate-v010-fixture.XXXXXX)"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

echo "== clone $COMMIT into $WORK/v010"
git clone -q "$REPO" "$WORK/v010"
git -C "$WORK/v010" checkout -q "$COMMIT"
resolved="$(cd "$WORK" && PYTHONPATH="$WORK/v010" "$PYTHON" -c 'import syndicate; print(syndicate.__file__)')"
case "$resolved" in
  "$WORK/v010/"*) echo "   syndicate resolves to $resolved";;
  *) echo "syndicate resolves to $resolved, not the 0.1.0 checkout" >&2; exit 2;;
esac

# syn CONFIG ARGS...: run the 0.1.0 CLI. Exit 1 ("some items failed") is not expected anywhere: stop on it.
syn() {
  local config="$1"; shift
  echo "   \$ syndicate $*"
  PYTHONPATH="$WORK/v010" "$PYTHON" -m syndicate --config "$config" "$@" | sed 's/^/     /'
  return "${PIPESTATUS[0]}"
}

# The fixed sequence. Any change here changes the fixture: update README.md too.
SEQUENCE() {
  local c="$1" in="$HERE/input"
  echo "-- round 1 at $T1"
  syn "$c" ingest "$in/round1.jsonl" --now "$T1"
  syn "$c" publish --now "$T1"                       # translates (identity en->es, ar->es) first
  echo "-- round 2 at $T2"
  syn "$c" ingest "$in/round2.jsonl" --now "$T2"
  syn "$c" translate --now "$T2"
  syn "$c" run --once --now "$T2"                    # scheduled publish-all does this round's publish
  echo "-- round 3 at $T3"
  syn "$c" ingest "$in/round3.jsonl" --now "$T3"
  syn "$c" publish --now "$T3"                       # the final publish: feeds/ and partners/ as of T3
  syn "$c" run --once --now "$T3"                    # fire 10:00 of day 3: runs, nothing left to write
  syn "$c" partners list
  # `syndicate partners push` is deliberately not run: in 0.1.0 it has no --now (wall clock), so it would
  # assign delivery cursors and retry times from the real clock and make the fixture time-dependent.
}

checkpoint() {   # fold the WAL into the main file, leave a single self-contained file
  "$PYTHON" - "$1" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
mode = con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
con.close()
assert mode == "delete", mode
PY
}

echo "== SQLite run"
rm -rf "$HERE/feeds" "$HERE/partners"
rm -f "$HERE/store/syndicate-0.1.0.sqlite"*
SEQUENCE "$HERE/config/syndicate.toml"
checkpoint "$HERE/store/syndicate-0.1.0.sqlite"
rm -f "$HERE/store/syndicate-0.1.0.sqlite".*.lock "$HERE/store/syndicate-0.1.0.sqlite-wal" \
      "$HERE/store/syndicate-0.1.0.sqlite-shm"
find "$HERE/feeds" "$HERE/partners" -name '.syndicate-*.tmp' -delete

if [ "${SKIP_PG:-}" = 1 ]; then echo "== SKIP_PG=1: PostgreSQL part skipped"; exit 0; fi

echo "== PostgreSQL run (database $PGDB)"
dropdb --if-exists "$PGDB"
createdb "$PGDB"
mkdir -p "$WORK/pg/config" "$WORK/pg/feeds" "$WORK/pg/partners"
# A copy of the config; only the partners folder differs (it has no environment variable in 0.1.0).
sed -e "s|^partners_dir = .*|partners_dir = \"$WORK/pg/partners\"|" \
    "$HERE/config/syndicate.toml" > "$WORK/pg/config/syndicate.toml"
(
  export SYNDICATE_STORE_URL="postgresql+psycopg://$PGUSER@$PGHOST:$PGPORT/$PGDB"
  export SYNDICATE_OUTPUT_DIR="$WORK/pg/feeds"
  SEQUENCE "$WORK/pg/config/syndicate.toml"
)
pg_dump --no-owner --no-privileges --format=plain --restrict-key=syndicatev010fixture "$PGDB" \
  > "$HERE/store/syndicate-0.1.0.postgres.sql"
dropdb "$PGDB"

echo "== compare feeds and partner files: SQLite run vs PostgreSQL run"
status=0
diff -r "$HERE/feeds" "$WORK/pg/feeds" || status=1
diff -r "$HERE/partners" "$WORK/pg/partners" || status=1
if [ "$status" = 0 ]; then echo "   identical"; else echo "   DIFFERENT (see above)" >&2; fi
exit "$status"
