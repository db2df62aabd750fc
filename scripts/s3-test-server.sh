#!/usr/bin/env bash
# Builds (once) the S3-compatible server the storage contract tests run the S3 driver against:
# gofakes3 at a pinned version, compiled with the Go toolchain and cached outside the tree.
#   scripts/s3-test-server.sh          build when missing, print the binary's path
#   S3_TEST_SERVER_BIN=…               the tests use this path instead (default below)
# Why gofakes3 and not SeaweedFS: see docs/media.md ("S3 test server").
set -euo pipefail
VERSION="v1.2.0"
DIR="${SUTWXAPP_TOOLS_DIR:-/root/.cache/sutwxapp-tools}/gofakes3-${VERSION}"
BIN="$DIR/gofakes3"
if [ ! -x "$BIN" ]; then
  command -v go >/dev/null || { echo "s3-test-server: the Go toolchain is needed to build gofakes3" >&2; exit 1; }
  mkdir -p "$DIR"
  echo "s3-test-server: building github.com/johannesboyne/gofakes3/cmd/gofakes3@${VERSION} into $DIR" >&2
  GOBIN="$DIR" go install "github.com/johannesboyne/gofakes3/cmd/gofakes3@${VERSION}"
fi
echo "$BIN"
