# specgate GitHub App. Build: docker build -t specgate .
# Run:   docker run --env-file .env -e PRIVATE_KEY="$(base64 -w0 specgate.private-key.pem)" -p 3000:3000 specgate
# (the image holds no key file: pass the key's contents; Probot takes it as is, with \n, or base64)
FROM node:24.11.1-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The committed lockfile is complete: `npm ci` installs exactly it (scripts run after the sources are in).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# `npm run build` also bundles the CLI (scripts/build-cli.ts), which the image carries along with the App.
COPY scripts/build-cli.ts ./scripts/
RUN npm run build && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:24.11.1-bookworm-slim
# tini as PID 1: signals reach node (SIGTERM drains the deliveries in flight) and children are reaped.
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY app.yml ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "build/app/index.js"]
