# syntax=docker/dockerfile:1
# The users subgraph. Build from the repository root:
#   docker build -f deploy/docker/users.Dockerfile -t poolgraph/users .
# Runs as the unprivileged `node` user and writes nothing outside /tmp, so the container can run
# with a read-only root filesystem (compose.yaml and deploy/k8s mount /tmp as tmpfs/emptyDir).
# The command is the one `npm start` runs (scripts/lib/stack.ts): node --import tsx subgraphs/users/src/index.ts.
ARG NODE_IMAGE=node:20.19.5-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/auth/package.json packages/auth/
COPY packages/events/package.json packages/events/
COPY packages/money/package.json packages/money/
COPY packages/platform/package.json packages/platform/
COPY packages/supergraph/package.json packages/supergraph/
COPY packages/testing/package.json packages/testing/
COPY test-stack/package.json test-stack/
COPY subgraphs/users/package.json subgraphs/users/
COPY subgraphs/pools/package.json subgraphs/pools/
COPY subgraphs/ledger/package.json subgraphs/ledger/
COPY subgraphs/alerts/package.json subgraphs/alerts/
COPY subgraphs/reports/package.json subgraphs/reports/
COPY gateway/package.json gateway/
COPY client/package.json client/
COPY emulators/stripe/package.json emulators/stripe/
COPY bench/package.json bench/
COPY sdk/partner/package.json sdk/partner/
# Only this service's production dependencies (and the workspaces it depends on): no
# devDependencies, no other service's packages, no benchmark peers. tsx, which runs the
# TypeScript, is one of the service's own dependencies.
RUN npm ci --omit=dev --workspace=@poolgraph/users --no-audit --no-fund --ignore-scripts \
  && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4001 \
    TMPDIR=/tmp
WORKDIR /app
COPY --from=deps /app/node_modules node_modules
# Nested node_modules of the shared packages (packages/platform keeps its own OpenTelemetry
# versions there): the build context leaves every node_modules out, so they come from deps.
COPY --from=deps /app/packages packages
COPY package.json tsconfig.base.json ./
COPY packages/ packages/
COPY subgraphs/users/ subgraphs/users/
COPY scripts/migrate.ts scripts/
USER node
EXPOSE 4001
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4001/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "subgraphs/users/src/index.ts"]
