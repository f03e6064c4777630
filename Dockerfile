# Minimal production image; the deployment work hardens it further.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
# Listening on all interfaces needs API keys: mount the keys file (a Kubernetes Secret) and set
# MCP_API_KEYS_FILE, or set MCP_AUTH=none only behind a proxy that authenticates. The server refuses to start otherwise.
ENV NODE_ENV=production MCP_TRANSPORT=http MCP_HOST=0.0.0.0 MCP_PORT=3000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
