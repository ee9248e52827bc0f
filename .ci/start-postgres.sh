#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for the store tests and prints its URL.
# Usage: eval "$(bash .ci/start-postgres.sh)"   (exports YIYE_TEST_PG_URL)
set -euo pipefail
bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
port=${YIYE_TEST_PG_PORT:-54329}
data=$(mktemp -d /tmp/yiye-pg.XXXXXX)
chown postgres "$data"
# initdb and pg_ctl refuse to run as root; -l keeps the server off our stdout (else callers hang).
runuser -u postgres -- "$bindir/initdb" -D "$data" -U postgres -A trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w \
    -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
runuser -u postgres -- "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres yiye_test
echo "export YIYE_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$port/yiye_test"
echo "export YIYE_TEST_PG_DATA=$data"
