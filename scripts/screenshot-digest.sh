#!/usr/bin/env bash
# Renders an HTML digest in headless Chromium (Debian's chromium package) and saves a PNG,
# to look at the page as a reader sees it: scripts/screenshot-digest.sh state/out/digest-<day>.html [out.png]
set -euo pipefail
# With --sample it first writes the digest of the bundled sample's LaTeX-heavy papers (details open):
# scripts/screenshot-digest.sh --sample [out.png]
if [ "${1:-}" = "--sample" ]; then
  tmp="$(mktemp -d)"
  (cd "$(dirname "$0")/.." && npx tsx scripts/sample-digest.ts "$tmp/sample.html") >&2
  sed 's/<details>/<details open>/g' "$tmp/sample.html" >"$tmp/sample-digest.html"
  set -- "$tmp/sample-digest.html" "${2:-sample-digest.png}"
fi
html="${1:?usage: screenshot-digest.sh <digest.html> [out.png] | --sample [out.png]}"
png="${2:-${html%.html}.png}"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "chromium is not installed (apt-get install chromium)" >&2
  exit 1
fi
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --window-size=1000,${RADAR_SCREENSHOT_HEIGHT:-1800} \
  --screenshot="$(realpath -m "$png")" "file://$(realpath "$html")" 2>/dev/null
echo "$png"
