#!/usr/bin/env python3
"""Static checks of helm/sutwxapp where no helm binary is available.

  chart_check.py schema      values.yaml satisfies values.schema.json (a real Draft-07 validator),
                             and values that must be refused are refused
  chart_check.py refs        every .Values path a template reads exists in values.yaml; every
                             include names a defined template; every .Files.Get file exists;
                             template actions and blocks are balanced
  chart_check.py one-source  files/ copies of the alert rules and the dashboard are byte-identical
                             to deploy/, and the rules copy is a valid PrometheusRule spec

Prints diagnostics; exits 0 when the check passes. Needs python3-yaml and python3-jsonschema.
"""
import copy
import json
import re
import sys
from pathlib import Path

import yaml
from jsonschema import Draft7Validator

ROOT = Path(__file__).resolve().parents[2]
CHART = ROOT / "helm" / "sutwxapp"


def load_values():
    return yaml.safe_load((CHART / "values.yaml").read_text(encoding="utf-8"))


def deep_merge(base, override):
    """helm's merge of -f/--set values over the chart's values.yaml."""
    out = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


# Overrides an operator would really pass, each of which must validate.
ACCEPTED = {
    "production with managed databases and an existing Secret": {
        "image": {"repository": "ccr.ccs.tencentyun.com/shop/sutwxapp-api", "tag": "1.4.2"},
        "secrets": {"existingSecret": "sutwxapp-prod"},
        "config": {"PUBLIC_BASE_URL": "https://api.shop.example.cn", "WECHAT_APP_ID": "wx0123456789abcdef"},
        "ingress": {"hosts": [{"host": "api.shop.example.cn", "paths": [{"path": "/api", "pathType": "Prefix"}]}]},
        "backup": {"uploadCommand": 'coscli cp "$1" cos://backups/sutwxapp/', "uploadSecret": "cos-credentials"},
    },
    "staging with the bundled bitnami databases": {
        "secrets": {"jwtSecret": "x" * 48},
        "mysql": {"enabled": True, "auth": {"password": "p", "rootPassword": "r"}},
        "redis": {"enabled": True},
        "mongodb": {"enabled": True},
        "autoscaling": {"enabled": False},
        "replicaCount": 3,
    },
}

# Mistakes the schema must catch (each an override merged over values.yaml).
REFUSED = {
    "replicaCount as a string": {"replicaCount": "two"},
    "a misspelt top-level key": {"replicas": 3},
    "maxUnavailable above zero": {"rollingUpdate": {"maxUnavailable": 1}},
    "running as root": {"podSecurityContext": {"runAsNonRoot": False}},
    "privilege escalation": {"securityContext": {"allowPrivilegeEscalation": True}},
    "a short JWT secret": {"secrets": {"jwtSecret": "too-short"}},
    "an API v3 key that is not 32 characters": {"secrets": {"wechatPayApiV3Key": "abc"}},
    "a secret in the ConfigMap": {"config": {"DATABASE_URL": "mysql://u:p@h/db"}},
    "a non-string config value": {"config": {"DB_POOL_SIZE": 20}},
    "an unknown NODE_ENV": {"config": {"NODE_ENV": "prod"}},
    "a bad cron schedule": {"backup": {"mysql": {"schedule": "daily"}}},
    "zero retention": {"backup": {"redis": {"retentionDays": 0}}},
    "a bad pathType": {"ingress": {"hosts": [{"host": "a.example.com", "paths": [{"path": "/api", "pathType": "Any"}]}]}},
    "a probe period of zero": {"probes": {"liveness": {"periodSeconds": 0}}},
    "an unknown pull policy": {"image": {"pullPolicy": "Sometimes"}},
    "a redis URL with the wrong scheme": {"externalRedis": {"url": "http://redis:6379"}},
    "resources without limits": {"resources": {"limits": None}},
}


def check_schema():
    schema = json.loads((CHART / "values.schema.json").read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    validator = Draft7Validator(schema)
    values = load_values()
    ok = True
    errors = sorted(validator.iter_errors(values), key=lambda e: list(e.path))
    for e in errors:
        print(f"  values.yaml: {'.'.join(map(str, e.path)) or '<root>'}: {e.message}")
        ok = False
    print(f"  values.yaml against values.schema.json: {'valid' if not errors else 'INVALID'}")
    for name, override in ACCEPTED.items():
        errs = list(validator.iter_errors(deep_merge(values, override)))
        print(f"  accepted as it should be: {name}" if not errs else f"  WRONGLY REFUSED: {name}: {errs[0].message}")
        ok = ok and not errs
    for name, override in REFUSED.items():
        merged = deep_merge(values, override)
        if override.get("resources", {}).get("limits", 1) is None:
            del merged["resources"]["limits"]
        errs = list(validator.iter_errors(merged))
        print(f"  refused as it should be: {name}" if errs else f"  WRONGLY ACCEPTED: {name}")
        ok = ok and bool(errs)
    return ok


ACTION = re.compile(r"{{-?(.*?)-?}}", re.S)
VALUES_REF = re.compile(r"(?:\$root|\$)?\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)")
INCLUDE = re.compile(r'(?:include|template)\s+"([^"]+)"')
DEFINE = re.compile(r'define\s+"([^"]+)"')
FILES_GET = re.compile(r'\.Files\.Get\s+"([^"]+)"')
OPENERS = re.compile(r"^\s*(if|range|with|define|block)\b")
END = re.compile(r"^\s*end\b")


def check_refs():
    values = load_values()
    ok = True
    templates = sorted((CHART / "templates").glob("*"))
    defined = set()
    for t in templates:
        defined.update(DEFINE.findall(t.read_text(encoding="utf-8")))
    refs = 0
    for t in templates:
        text = t.read_text(encoding="utf-8")
        if text.count("{{") != text.count("}}"):
            print(f"  {t.name}: unbalanced delimiters ({text.count('{{')} '{{{{' vs {text.count('}}')} '}}}}')")
            ok = False
        depth = 0
        for m in ACTION.finditer(text):
            body = m.group(1)
            if body.strip().startswith("/*"):
                continue
            if OPENERS.match(body):
                depth += 1
            elif END.match(body):
                depth -= 1
                if depth < 0:
                    print(f"  {t.name}: 'end' without an opening block")
                    ok = False
                    depth = 0
            for path in VALUES_REF.findall(body):
                refs += 1
                node = values
                walked = []
                for key in path.strip(".").split("."):
                    walked.append(key)
                    if isinstance(node, dict) and key in node:
                        node = node[key]
                    else:
                        print(f"  {t.name}: .Values.{'.'.join(walked)} is not defined in values.yaml")
                        ok = False
                        break
            for name in INCLUDE.findall(body):
                if name not in defined:
                    print(f'  {t.name}: include "{name}" is not defined')
                    ok = False
            for f in FILES_GET.findall(body):
                if not (CHART / f).is_file():
                    print(f"  {t.name}: .Files.Get {f}: no such file in the chart")
                    ok = False
        if depth != 0:
            print(f"  {t.name}: {depth} block(s) not closed with end")
            ok = False
    print(f"  {len(templates)} templates, {refs} .Values references, {len(defined)} named templates checked")
    return ok


def check_one_source():
    ok = True
    pairs = [
        (ROOT / "deploy/prometheus/rules/sutwxapp.rules.yml", CHART / "files/sutwxapp.rules.yml"),
        (ROOT / "deploy/grafana/dashboards/sutwxapp-api.json", CHART / "files/sutwxapp-api.dashboard.json"),
    ]
    for src, copy_ in pairs:
        same = src.read_bytes() == copy_.read_bytes()
        rel = copy_.relative_to(ROOT)
        print(f"  {rel} {'is identical to' if same else 'DIFFERS from'} {src.relative_to(ROOT)}")
        if not same:
            print(f"    fix: cp {src.relative_to(ROOT)} {rel}")
        ok = ok and same
    spec = yaml.safe_load((CHART / "files/sutwxapp.rules.yml").read_text(encoding="utf-8"))
    # PrometheusRule.spec accepts exactly `groups` (each with name and rules).
    if set(spec) != {"groups"} or not all({"name", "rules"} <= set(g) for g in spec["groups"]):
        print("  files/sutwxapp.rules.yml is not a valid PrometheusRule spec (groups: [{name, rules}])")
        ok = False
    alerts = [r["alert"] for g in spec["groups"] for r in g["rules"] if "alert" in r]
    print(f"  PrometheusRule carries {len(alerts)} alerts: {', '.join(alerts)}")
    return ok


CHECKS = {"schema": check_schema, "refs": check_refs, "one-source": check_one_source}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in CHECKS:
        print(__doc__)
        sys.exit(2)
    sys.exit(0 if CHECKS[sys.argv[1]]() else 1)
