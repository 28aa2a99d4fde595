#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on a loopback port for the store contract tests and exports its connection
# string as BYOC_TEST_POSTGRES. Sourced by eng/test.sh; stop_test_postgres removes it again.

start_test_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$bin" ] || { echo "postgres.sh: PostgreSQL is not installed" >&2; return 1; }
  PG_TEST_DIR=$(mktemp -d /tmp/byoc-pg.XXXXXX)
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$PG_TEST_DIR"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" -U postgres -A trust --no-sync >/dev/null || return 1
  local port
  for port in $(seq 55432 55499); do
    if "${run[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TEST_DIR -c fsync=off" start >/dev/null; then
      PG_TEST_BIN="$bin"
      PG_TEST_RUN=("${run[@]}")
      export BYOC_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
      echo "postgres.sh: PostgreSQL on 127.0.0.1:$port"
      return 0
    fi
  done
  return 1
}

stop_test_postgres() {
  [ -n "${PG_TEST_DIR:-}" ] || return 0
  "${PG_TEST_RUN[@]}" "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$PG_TEST_DIR"
}
