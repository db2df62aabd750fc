#!/usr/bin/env bash
# The Helm chart, rendered and checked with the real helm (v4, built by .ci/tools.sh):
#   helm-lint-strict            `helm lint --strict` with each value set in helm/sutwxapp/ci/
#   helm-install-needs-no-fetch  Chart.yaml has no dependencies: `helm template` works on a clean clone
#   helm-golden                 rendered output equals test/ops/helm-golden/<set>.yaml
#                               (UPDATE_GOLDEN=1 rewrites them: review the diff, then commit)
#   helm-kubeconform            every rendered manifest validates (strict) against the Kubernetes
#                               API schemas of the oldest and newest release the chart supports
#   helm-release-shape          ConfigMap/Secret are release resources with pod checksums; the
#                               migration hook brings its own ServiceAccount/ConfigMap/Secret;
#                               backup CronJobs only for stores in use
#   helm-cross-field-refused    preStop >= grace period, HPA min > max, PDB >= replicas all fail
set -uo pipefail
. "$(dirname "$0")/lib.sh"
cd "$OPS_ROOT" || exit 1
CHART=helm/sutwxapp
GOLDEN=test/ops/helm-golden
SETS=(default production bundled)
ops_checks helm-lint-strict helm-install-needs-no-fetch helm-golden helm-kubeconform helm-release-shape \
  helm-cross-field-refused

HELM=$(.ci/tools.sh path helm) || { note "helm could not be built"; exit 1; }
render() { "$HELM" template sutwxapp "$CHART" --namespace shop -f "$CHART/ci/values-$1.yaml" "${@:2}"; }

ok=1
for set in "${SETS[@]}"; do
  out=$("$HELM" lint --strict "$CHART" -f "$CHART/ci/values-$set.yaml" 2>&1) || { note "lint $set: $out"; ok=0; }
done
[ $ok = 1 ] && pass helm-lint-strict

if ! grep -q '^dependencies:' "$CHART/Chart.yaml" && [ ! -d "$CHART/charts" ] && render default >/dev/null; then
  pass helm-install-needs-no-fetch
else
  note "Chart.yaml declares dependencies (or charts/ exists): a default install would need helm dependency build"
fi

ok=1
mkdir -p "$OPS_TMP/rendered"
for set in "${SETS[@]}"; do
  render "$set" >"$OPS_TMP/rendered/$set.yaml" 2>"$OPS_TMP/render.err" || { note "render $set: $(cat "$OPS_TMP/render.err")"; ok=0; continue; }
  if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
    mkdir -p "$GOLDEN"
    cp "$OPS_TMP/rendered/$set.yaml" "$GOLDEN/$set.yaml"
    note "rewrote $GOLDEN/$set.yaml"
  elif ! diff -u "$GOLDEN/$set.yaml" "$OPS_TMP/rendered/$set.yaml" >"$OPS_TMP/diff" 2>&1; then
    note "rendered $set differs from $GOLDEN/$set.yaml (UPDATE_GOLDEN=1 test/ops/helm-check.sh if intended):"
    head -40 "$OPS_TMP/diff" | sed 's/^/    /'
    ok=0
  fi
done
[ $ok = 1 ] && pass helm-golden

KUBECONFORM=$(.ci/tools.sh path kubeconform) && SCHEMAS=$(.ci/tools.sh k8s-schemas) || { note "kubeconform or schemas unavailable"; exit 1; }
ok=1
for version in $(.ci/tools.sh k8s-versions); do
  # The Prometheus operator's kinds are CRDs, not Kubernetes API: skipped, and named here.
  out=$("$KUBECONFORM" -strict -summary -kubernetes-version "${version#v}" -skip ServiceMonitor,PrometheusRule \
    -schema-location "$SCHEMAS/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json" \
    "$OPS_TMP"/rendered/*.yaml 2>&1) || ok=0
  note "Kubernetes $version: $(tail -1 <<<"$out")"
  [ $ok = 1 ] || grep -v '^Summary' <<<"$out" | head -20 | sed 's/^/    /'
done
# The validation must bite: a misspelt field in a rendered Deployment is refused.
sed 's/^\( *\)imagePullPolicy:/\1imagePullPolicyy:/' "$OPS_TMP/rendered/default.yaml" >"$OPS_TMP/typo.yaml"
if "$KUBECONFORM" -strict -kubernetes-version "${version#v}" -skip ServiceMonitor,PrometheusRule \
  -schema-location "$SCHEMAS/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json" \
  "$OPS_TMP/typo.yaml" >/dev/null 2>&1; then
  note "a misspelt field (imagePullPolicyy) passed kubeconform: the schemas are not strict"
  ok=0
fi
[ $ok = 1 ] && pass helm-kubeconform

# The shape this chart promises, read from the rendered production set.
shape=$(OPS_PYTHON=1 "${PYTHON:-python3}" - "$OPS_TMP/rendered" <<'PY'
import sys, yaml
from pathlib import Path
problems = []
def docs(name):
    return [d for d in yaml.safe_load_all(Path(sys.argv[1], f"{name}.yaml").read_text()) if d]
for set_name in ("default", "production", "bundled"):
    all_docs = docs(set_name)
    by = {(d["kind"], d["metadata"]["name"]): d for d in all_docs}
    hooks = {k for k, d in by.items() if "helm.sh/hook" in (d["metadata"].get("annotations") or {})}
    for kind in ("ConfigMap", "Secret", "ServiceAccount"):
        if (kind, "sutwxapp") in hooks:
            problems.append(f"{set_name}: {kind} sutwxapp is a hook (rollback would not restore it)")
    dep = by[("Deployment", "sutwxapp")]
    ann = dep["spec"]["template"]["metadata"].get("annotations") or {}
    if not ({"checksum/config", "checksum/secret"} <= set(ann)):
        problems.append(f"{set_name}: Deployment has no checksum annotations")
    job = by[("Job", "sutwxapp-migrate")]
    phase = job["metadata"]["annotations"]["helm.sh/hook"]
    sa = job["spec"]["template"]["spec"]["serviceAccountName"]
    if ("ServiceAccount", sa) not in hooks or by[("ServiceAccount", sa)]["metadata"]["annotations"]["helm.sh/hook"] != phase:
        problems.append(f"{set_name}: migration Job's ServiceAccount {sa} is not a hook of its phase {phase}")
    env_from = job["spec"]["template"]["spec"]["containers"][0]["envFrom"]
    for ref in env_from:
        (kind, name), = [(k.replace("Ref", "").replace("configMap", "ConfigMap").replace("secret", "Secret"), v["name"]) for k, v in ref.items()]
        if (kind, name) in by and (kind, name) not in hooks:
            problems.append(f"{set_name}: migration Job reads {kind} {name}, which does not exist before install")
    crons = sorted(d["metadata"]["name"] for d in all_docs if d["kind"] == "CronJob")
    want = {"default": ["sutwxapp-backup-mysql"],
            "production": ["sutwxapp-backup-mongodb", "sutwxapp-backup-mysql", "sutwxapp-backup-redis", "sutwxapp-binlog-archive"],
            "bundled": ["sutwxapp-backup-mongodb", "sutwxapp-backup-mysql", "sutwxapp-backup-redis"]}[set_name]
    if crons != want:
        problems.append(f"{set_name}: CronJobs {crons}, expected {want}")
    monitors = [d for d in all_docs if d["kind"] == "ServiceMonitor" and d["metadata"]["name"] == "sutwxapp"]
    if monitors and monitors[0]["spec"]["endpoints"][0]["port"] != "metrics":
        problems.append(f"{set_name}: ServiceMonitor does not scrape the metrics port")
print("\n".join(problems) or "ok")
PY
)
note "release shape: $shape"
[ "$shape" = ok ] && pass helm-release-shape

refused=0
# Each must be refused for its own reason (the message names both fields).
for case in 'preStopSleepSeconds=50|must be shorter than terminationGracePeriodSeconds' \
  'autoscaling.minReplicas=12|must not exceed autoscaling.maxReplicas' \
  'autoscaling.enabled=false,replicaCount=1|must be below replicaCount'; do
  bad=${case%%|*} want=${case#*|}
  if out=$(render default --set "$bad" 2>&1); then
    note "--set $bad was accepted"
  elif grep -q "$want" <<<"$out"; then
    note "--set $bad refused: $(grep -o 'execution error at ([^)]*): .*' <<<"$out" | sed 's/^[^)]*): //' | head -1)"
    refused=$((refused + 1))
  else
    note "--set $bad refused for another reason: $(head -1 <<<"$out")"
  fi
done
[ $refused = 3 ] && pass helm-cross-field-refused
