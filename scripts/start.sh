#!/bin/sh
# `npm start`: the set-up (install, database, migrations, build: scripts/setup.ts) runs and exits,
# then this shell becomes the one serving process: the compiled server, run by plain node. Nothing
# that has finished its job stays resident; npm, if it started this, waits as its parent.
set -e
cd "$(dirname "$0")/.."
node scripts/bootstrap.mjs setup "$@"
dist="${NEXT_DIST_DIR:-.next}"
set -a
. "./$dist/planado/launch.env"
set +a
# (PLANADO_NODE_OPTIONS is a list of flags: unquoted on purpose.)
# shellcheck disable=SC2086
exec node $PLANADO_NODE_OPTIONS "./$dist/planado/server.mjs"
