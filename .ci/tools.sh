#!/usr/bin/env bash
# Builds the pinned Go tools the operations checks need, once, into a cache that outlives the
# clean clone CI runs on: /root/.cache/sutwxapp-tools/<tool>-<version>/<binary>.
#   .ci/tools.sh            build every tool that is missing, print nothing else
#   .ci/tools.sh path NAME  print the binary's path (building it first if missing)
#   .ci/tools.sh k8s-schemas  print the directory of Kubernetes JSON schemas (made when missing)
# The versions are pinned here and nowhere else; bumping one builds the new one beside the old.
# Two shared cores: one build at a time, one package at a time (GOFLAGS=-p=1).
set -euo pipefail
CACHE=${SUTWXAPP_TOOLS:-/root/.cache/sutwxapp-tools}

HELM_VERSION=v4.3.2
FERRETDB_VERSION=v1.24.2
KUBECONFORM_VERSION=v0.7.0
# Kubernetes API schemas: api/openapi-spec/swagger.json of the k8s.io/kubernetes module (Go
# module proxy), converted by k8s-schemas.mjs; the oldest (Chart.yaml kubeVersion >=1.25) and
# newest release the chart supports.
K8S_SCHEMA_VERSIONS="v1.25.16 v1.33.5"

declare -A MODULE=(
  [helm]="helm.sh/helm/v4/cmd/helm@$HELM_VERSION"
  [ferretdb]="github.com/FerretDB/FerretDB/cmd/ferretdb@$FERRETDB_VERSION"
  [kubeconform]="github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION"
)
declare -A VERSION=([helm]=$HELM_VERSION [ferretdb]=$FERRETDB_VERSION [kubeconform]=$KUBECONFORM_VERSION)

tool_path() { echo "$CACHE/$1-${VERSION[$1]}/$1"; }

build() { # name
  local name=$1 out
  out=$(tool_path "$name")
  [ -x "$out" ] && return 0
  command -v go >/dev/null 2>&1 || { echo "tools.sh: Go toolchain missing, cannot build $name" >&2; return 1; }
  mkdir -p "$(dirname "$out")"
  local tmp
  tmp=$(mktemp -d)
  echo "tools.sh: building ${MODULE[$name]} (once; cached in $(dirname "$out"))" >&2
  # CGO off: static binaries; FerretDB's SQLite backend is pure Go (modernc.org/sqlite).
  if [ "$name" = ferretdb ]; then
    # FerretDB embeds build/version/version.txt, which its release tooling generates and the
    # module zip lacks (`go install` builds a binary that panics at start): build from a copy
    # of the module with that file written.
    local src
    src=$(go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" |
      node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).Dir))') || { rm -rf "$tmp"; return 1; }
    cp -r "$src" "$tmp/src" && chmod -R u+w "$tmp/src"
    echo "$FERRETDB_VERSION" >"$tmp/src/build/version/version.txt"
    if ! (cd "$tmp/src" && CGO_ENABLED=0 GOFLAGS="${GOFLAGS:--p=1} -mod=mod" go build -o "$tmp/ferretdb" ./cmd/ferretdb >&2); then
      rm -rf "$tmp"; return 1
    fi
  elif ! GOBIN="$tmp" CGO_ENABLED=0 GOFLAGS="${GOFLAGS:--p=1}" go install "${MODULE[$name]}" >&2; then
    rm -rf "$tmp"; return 1
  fi
  mv "$tmp/$name" "$out"; rm -rf "$tmp"
}

k8s_schemas() { # prints the directory holding <version>-standalone-strict/<kind>-<group>-<version>.json
  local dir="$CACHE/k8s-schemas"
  local v
  for v in $K8S_SCHEMA_VERSIONS; do
    [ -f "$dir/$v-standalone-strict/deployment-apps-v1.json" ] && continue
    mkdir -p "$dir"
    local mod
    mod=$(go mod download -json "k8s.io/kubernetes@$v" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).Dir))') ||
      { echo "tools.sh: could not download k8s.io/kubernetes@$v" >&2; return 1; }
    node "$(dirname "$0")/k8s-schemas.mjs" "$mod/api/openapi-spec/swagger.json" "$dir/$v-standalone-strict" >&2
  done
  echo "$dir"
}

case "${1:-all}" in
  all) for t in helm ferretdb kubeconform; do build "$t"; done ;;
  path) build "$2"; tool_path "$2" ;;
  k8s-schemas) k8s_schemas ;;
  k8s-versions) echo "$K8S_SCHEMA_VERSIONS" ;;
  *) echo "usage: $0 [all | path NAME | k8s-schemas | k8s-versions]" >&2; exit 2 ;;
esac
