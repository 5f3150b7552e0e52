# Multi-stage image: one image runs the web app (default), the worker or the migrations.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY scripts/db ./scripts/db
COPY prisma.config.ts tsconfig.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
# The build validates the environment; these throwaway values exist only in this stage.
RUN NEXTAUTH_SECRET=build-only-secret-build-only-secret-0000 \
    ENCRYPTION_KEYS=1:YnVpbGQtb25seS1rZXktYnVpbGQtb25seS1rZXkhISE= \
    npx next build

# Web: Next's standalone server, nothing else.
FROM node:20-bookworm-slim AS web
WORKDIR /app
# Two malloc arenas and a V8 heap ceiling inside the 512 MiB of deploy/k8s/web.yaml: docs/DEPLOY.md, memory.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 MALLOC_ARENA_MAX=2
RUN useradd --system --uid 1001 app
COPY --from=build --chown=app /app/.next/standalone ./
COPY --from=build --chown=app /app/.next/static ./.next/static
USER app
EXPOSE 3000
HEALTHCHECK CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--max-old-space-size=384", "server.js"]

# Worker and migrations: the source with its dependencies, run through tsx.
FROM node:20-bookworm-slim AS worker
WORKDIR /app
ENV NODE_ENV=production MALLOC_ARENA_MAX=2
RUN useradd --system --uid 1001 app
COPY --from=build --chown=app /app ./
USER app
CMD ["npx", "tsx", "src/workers/index.ts"]
