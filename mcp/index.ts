/** The MCP side of proxmox-ai (docs/architecture.md, "An MCP call"): the server factory, its transports, and the client for external servers. */
export { buildMcpServer, type McpConnection, type McpServerOptions } from './server.js';
export type { McpClientIdentity, McpToolSession, OpenToolSession } from './tool-session.js';
export { loadPromptTexts, type PromptTexts } from './prompts.js';
export { serveStdio, type StdioServing } from './stdio.js';
export { serveHttp, type HttpServeOptions, type HttpServing } from './http/serve-http.js';
export { listenSettings, isLoopback, type ListenSettings } from './http/listen-settings.js';
export { loadOrCreateToken } from './http/token.js';
export {
  addPersonToken,
  legacyPerson,
  legacyTokenWanted,
  listPersonTokens,
  revokePersonToken,
  TokenAuthority,
  type Authentication,
  type TokenFiles,
  type TokenListing,
} from './http/person-tokens.js';
export {
  connectExternalServers,
  type ExternalServers,
  type ExternalServerOptions,
} from './external/connect-external.js';
export { listedTool } from './tool-listing.js';
