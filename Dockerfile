# The Plenum server: `docker build -t plenum .`, then `docker run -p 1999:1999 plenum`
# (one process, SQLite in /data) or with PLENUM_REDIS set (cluster mode, see compose.yaml).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY . .
# Browsers are for the tests only; the image builds and runs without them.
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
RUN npm ci && npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=1999 PLENUM_DATA=/data
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 1999
HEALTHCHECK --interval=5s --timeout=2s --start-period=10s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||1999)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM reaches node directly (exec form): it flushes and closes sockets with 1001.
CMD ["node", "packages/server/dist/cli.js", "serve"]
