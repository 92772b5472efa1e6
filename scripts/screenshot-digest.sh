#!/usr/bin/env bash
# Renders an HTML digest in headless Chromium (Debian's chromium package) and saves a PNG,
# to look at the page as a reader sees it: scripts/screenshot-digest.sh state/out/digest-<day>.html [out.png]
set -euo pipefail
html="${1:?usage: screenshot-digest.sh <digest.html> [out.png]}"
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
