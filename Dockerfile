# syntax=docker/dockerfile:1.7
# SutWxApp API image: build with dev dependencies, ship only production ones, run as a non-root user.
#   docker build -t sutwxapp-api:$(git rev-parse --short HEAD) .
ARG NODE_VERSION=24

# ---------------------------------------------------------------- build
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 (the embedded default database) compiles from source when its prebuilt binary
# cannot be downloaded, so the toolchain is here; it never reaches the runtime stage.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json nest-cli.json .swcrc ./
COPY apps ./apps
COPY libs ./libs
# the merchant console is built by `npm run build` too (Vite, a devDependency pruned below)
COPY scripts/admin-build.mjs ./scripts/admin-build.mjs
# apps/api/assets (bundled demo images) is served from beside dist/; make sure the path exists.
# After pruning, two things npm keeps that the runtime never loads (215 → 167 MB of node_modules,
# measured with the same prune on a copy of the tree):
#  - typescript (23 MB): an optional peer of @nestjs/swagger, used only by its compiler plugin;
#    `npm prune --omit=dev` (and --omit=peer) keep an installed optional peer. No compiler ships.
#  - better-sqlite3's build leftovers (25 MB): the SQLite sources and object files; only
#    build/Release/better_sqlite3.node is loaded.
# The compile-cache step of the runtime stage loads every module the API uses, so a module that
# was needed after all fails the build there, not in production.
RUN mkdir -p apps/api/assets \
 && npm run build --silent \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/typescript node_modules/.bin/tsc node_modules/.bin/tsserver \
 && cd node_modules/better-sqlite3 \
 && rm -rf deps src build/Release/obj build/Release/obj.target build/Release/.deps build/Release/test_extension.node \
   build/Release/sqlite3.a build/Makefile build/*.mk build/config.gypi \
 && cd /app \
 && test ! -e node_modules/typescript \
 && node -e "new (require('better-sqlite3'))(':memory:')" \
 && npm cache clean --force

# ---------------------------------------------------------------- runtime
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data \
    MIGRATE_ON_START=false \
    NODE_COMPILE_CACHE=/app/.node-compile-cache
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/api/assets ./apps/api/assets
# V8's compile cache for every module the API loads, written once here: a replica starts in
# ~0.85 s instead of ~1.05 s (bench/RESULTS.md). Loading the modules needs no configuration.
RUN node -e "require('reflect-metadata'); require('./dist/apps/api/src/app.factory.js')" \
 && test -n "$(ls -A /app/.node-compile-cache)"
# The image's `node` user (uid 1000) owns only the data directory; code stays read-only to it.
RUN mkdir -p /app/data/media && chown -R node:node /app/data
USER node
EXPOSE 3000
# Liveness only: the process answers. Readiness (/api/v1/health) is for the load balancer.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/v1/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM drains in-flight requests and exits 0 (apps/api/src/main.ts). No npm wrapper in
# front of node, so the signal reaches the process.
STOPSIGNAL SIGTERM
CMD ["node", "dist/apps/api/src/main.js"]
