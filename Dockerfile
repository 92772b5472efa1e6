# syntax=docker/dockerfile:1
# research-radar as one container: `radar daemon` over the state in the /data volume, healthy
# while the daemon holds the state (`radar status`). See README, "Docker".

# --- dependencies: hnswlib-node compiles with node-gyp, so the toolchain stays in this stage ---
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# The lockfile's npm, which honours package.json's allowScripts (no CUDA download by onnxruntime-node).
RUN npm install -g npm@11.19.1
ENV npm_config_onnxruntime_node_install=skip
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# --- runtime ---
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
  RADAR_STATE_DIR=/data \
  TZ=UTC
WORKDIR /app
# The code runs through tsx (a dependency): no build step; the files stay root-owned, read-only.
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY prompts ./prompts
COPY samples ./samples
COPY models/README.md ./models/README.md
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# Healthy while a live `radar daemon` holds the state lock.
HEALTHCHECK --interval=60s --timeout=30s --start-period=60s --retries=3 \
  CMD ["/bin/sh", "-c", "node bin/radar.js status | grep -q '^daemon: running'"]
# node itself is the container's process, so SIGTERM (docker stop) reaches the daemon's graceful stop.
CMD ["node", "bin/radar.js", "daemon"]
