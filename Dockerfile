# specgate GitHub App. Build: docker build -t specgate .
# Run:   docker run -p 3000:3000 -e APP_ID=… -e WEBHOOK_SECRET=… -e PRIVATE_KEY="$(cat key.pem)" specgate
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json* ./
# `npm install`, not `npm ci`: the lockfile may lack other platforms' optional native packages.
RUN npm install --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev --ignore-scripts

FROM node:20-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY app.yml ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "build/app/index.js"]
