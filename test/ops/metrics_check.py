#!/usr/bin/env python3
"""Every metric the Grafana dashboard and the alert rules use is one the API really exports.

  metrics_check.py METRICS_TEXT   (the body of GET /metrics from a running replica)

node_* (node-exporter), mysql_* (mysqld_exporter), redis_* (redis_exporter) and up
(Prometheus) come from elsewhere; everything else must appear as
a `# TYPE` line (histogram series _bucket/_sum/_count map to their family). Exits 0 when all do.
"""
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
NAME = re.compile(r"\b([a-z_][a-z0-9_]*_(?:total|seconds|bytes|bucket|in_flight|ratio))\b")


def exprs():
    dash = json.loads((ROOT / "deploy/grafana/dashboards/sutwxapp-api.json").read_text(encoding="utf-8"))
    for panel in dash["panels"]:
        for target in panel.get("targets", []):
            yield "dashboard", panel["title"], target["expr"]
    for var in dash["templating"]["list"]:
        if isinstance(var.get("query"), dict):
            yield "dashboard", f"variable {var['name']}", var["query"]["query"]
    rules = yaml.safe_load((ROOT / "deploy/prometheus/rules/sutwxapp.rules.yml").read_text(encoding="utf-8"))
    for group in rules["groups"]:
        for rule in group["rules"]:
            yield "rules", rule.get("alert") or rule.get("record"), rule["expr"]


def main(path):
    text = Path(path).read_text(encoding="utf-8")
    families = set(re.findall(r"^# TYPE (\S+) ", text, re.M))
    ok = True
    used = set()
    for source, where, expr in exprs():
        for name in NAME.findall(expr):
            if name.startswith(("node_", "mysql_", "redis_")):
                continue
            family = re.sub(r"_(bucket|sum|count)$", "", name) if name.endswith(("_bucket", "_sum", "_count")) else name
            used.add(family)
            if family not in families:
                print(f"  {source} / {where}: {name} is not exported by the API")
                ok = False
    print(f"  {len(used)} API metric families used by the dashboard and rules, all checked against a live /metrics")
    return ok


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(0 if main(sys.argv[1]) else 1)
