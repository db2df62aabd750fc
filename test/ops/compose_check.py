#!/usr/bin/env python3
"""Static check of docker-compose.yml against the rest of the repo (no docker here).

Parses the file as compose does (anchors and << merges), then checks what `docker compose
config` cannot: the two API replicas wait for migrations and healthy databases, nginx's
upstream and Prometheus' targets name exactly those replicas, every mounted file exists,
every required ${VAR:?} is documented in .env.example, images are the versions the issue
asks for. Exits 0 when everything holds. Needs python3-yaml.
"""
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
problems = []


def expect(cond, message):
    if not cond:
        problems.append(message)
    return cond


def main():
    text = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    compose = yaml.safe_load(text)
    services = compose["services"]
    named_volumes = set((compose.get("volumes") or {}).keys())

    core = {"mysql", "redis", "mongodb", "migrate", "nginx"}
    api = sorted(name for name in services if re.fullmatch(r"api-\d+", name))
    expect(len(api) == 2, f"expected two API replicas api-1/api-2, found {api}")
    expect(core <= set(services), f"missing services: {sorted(core - set(services))}")
    monitoring = {n for n, s in services.items() if "monitoring" in (s.get("profiles") or [])}
    expect({"prometheus", "alertmanager", "grafana"} <= monitoring, f"monitoring profile has {sorted(monitoring)}")
    for name in core | set(api):
        expect(not services[name].get("profiles"), f"{name} must run without a profile")

    expect(services["mysql"]["image"].startswith("mysql:8"), "mysql must be MySQL 8")
    expect("--character-set-server=utf8mb4" in services["mysql"].get("command", []), "mysql must default to utf8mb4")
    expect(services["redis"]["image"].startswith("redis:7"), "redis must be Redis 7")
    expect(services["mongodb"]["image"].startswith("mongo:7"), "mongodb must be MongoDB 7")

    for name in api:
        s = services[name]
        deps = s.get("depends_on", {})
        expect(deps.get("migrate", {}).get("condition") == "service_completed_successfully",
               f"{name} must start only after migrate completed")
        for db in ("mysql", "redis", "mongodb"):
            expect(deps.get(db, {}).get("condition") == "service_healthy", f"{name} must wait for a healthy {db}")
        env = s.get("environment", {})
        expect(env.get("MIGRATE_ON_START") == "false", f"{name}: replicas must not migrate themselves")
        expect(str(env.get("JWT_SECRET", "")).startswith("${JWT_SECRET:?"), f"{name}: JWT_SECRET must be required")
        expect(env.get("PORT") == "3000", f"{name}: PORT must be 3000 (nginx and Prometheus use it)")
        expect(s.get("env_file") == ".env", f"{name}: must read .env")
        expect("ports" not in s, f"{name}: replicas must not publish ports (only nginx does)")
    expect("cli.js run" in " ".join(services["migrate"]["command"]), "migrate must run the migration CLI")

    # nginx: publishes 80, mounts our config, and its upstream is exactly the replicas.
    nginx = services["nginx"]
    expect(any(str(p).endswith(":80") for p in nginx.get("ports", [])), "nginx must publish :80")
    conf = (ROOT / "deploy/nginx/nginx.conf").read_text(encoding="utf-8")
    upstream = re.search(r"upstream\s+sutwxapp_api\s*{(.*?)}", conf, re.S)
    servers = sorted(re.findall(r"^\s*server\s+([\w.-]+):3000\b", upstream.group(1), re.M)) if upstream else []
    expect(servers == api, f"nginx upstream {servers} != compose replicas {api}")
    for dep in api:
        expect(nginx.get("depends_on", {}).get(dep, {}).get("condition") == "service_healthy",
               f"nginx must wait for a healthy {dep}")

    prom = yaml.safe_load((ROOT / "deploy/prometheus/prometheus.yml").read_text(encoding="utf-8"))
    api_job = [j for j in prom["scrape_configs"] if j["job_name"] == "sutwxapp-api"]
    targets = sorted(t for j in api_job for sc in j.get("static_configs", []) for t in sc["targets"])
    expect(targets == [f"{n}:9464" for n in api], f"Prometheus targets {targets} != replicas' METRICS_PORT 9464")
    for name in api:
        env = services[name].get("environment", {})
        expect(env.get("METRICS_PORT") == "9464", f"{name}: /metrics must be on METRICS_PORT 9464, off the public port")
        # env_file passes all of .env: the infrastructure's own passwords must be blanked.
        for secret in ("MYSQL_ROOT_PASSWORD", "MYSQL_PASSWORD", "MONGO_ROOT_PASSWORD", "GRAFANA_ADMIN_PASSWORD"):
            expect(env.get(secret) == "", f"{name}: {secret} from .env must be blanked for the API")
    for exporter, target in (("mysql-exporter", "mysql-exporter:9104"), ("redis-exporter", "redis-exporter:9121")):
        scraped = [t for j in prom["scrape_configs"] for sc in j.get("static_configs", []) for t in sc["targets"]]
        expect(exporter in monitoring and target in scraped, f"{exporter} must be in the monitoring profile and scraped")
    expect("robot-bridge" in monitoring, "robot-bridge must be in the monitoring profile")
    expect("binlog-archiver" in services and "binlog-archive.sh" in services["binlog-archiver"]["command"],
           "binlog-archiver must run scripts/binlog-archive.sh")
    expect("Compose v2" in text, "the file must say it needs Docker Compose v2")
    node_targets = [t for j in prom["scrape_configs"] if j["job_name"] == "node"
                    for sc in j["static_configs"] for t in sc["targets"]]
    expect("node-exporter" in services and node_targets == ["node-exporter:9100"], "node-exporter must be scraped")

    # Mounts: host paths exist, named volumes are declared.
    for name, s in services.items():
        for v in s.get("volumes", []):
            src = v.split(":")[0]
            if src.startswith("./"):
                if src != "./backups":  # created by the backup run
                    expect((ROOT / src).exists(), f"{name}: mounted path {src} does not exist")
            elif not src.startswith("/"):
                expect(src in named_volumes, f"{name}: volume {src} is not declared")
        for dep in (s.get("depends_on") or {}):
            expect(dep in services, f"{name}: depends on unknown service {dep}")
        if name not in ("migrate", "backup"):
            expect(s.get("restart") == "unless-stopped", f"{name}: restart must be unless-stopped")

    grafana_ds = yaml.safe_load((ROOT / "deploy/grafana/provisioning/datasources/prometheus.yml").read_text())
    expect(grafana_ds["datasources"][0]["uid"] == "prometheus", "Grafana datasource uid must be 'prometheus'")

    # Required variables (${VAR:?...}) must be documented in .env.example.
    env_example = (ROOT / ".env.example").read_text(encoding="utf-8")
    documented = set(re.findall(r"^([A-Z][A-Z0-9_]*)=", env_example, re.M))
    for var in sorted(set(re.findall(r"\$\{([A-Z][A-Z0-9_]*):\?", text))):
        expect(var in documented, f"required variable {var} is not in .env.example")

    for p in problems:
        print(f"  {p}")
    print(f"  services: {', '.join(sorted(services))}; replicas behind nginx: {', '.join(api)}")
    return not problems


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
