import { z } from 'zod';
import { syslogFacilities, type SyslogFacility } from '../syslog/frame.js';
import { receiverUrlPattern } from '../syslog/receiver-url.js';

/**
 * The shape of config.json and secrets.json. Every settable key of
 * `proxmox-ai config` is a leaf of one of these two schemas (see keys.ts).
 */

export const profileNamePattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
const ProfileName = z.string().regex(profileNamePattern);

const HttpsUrl = z
  .string()
  .regex(/^https:\/\/[^\s/]+(:\d+)?\/?$/, 'an https URL of the API host, e.g. https://pve1.example.net:8006')
  .describe('Proxmox API URL, https://HOST:8006');

const Fingerprint = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .pipe(z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'a SHA-256 fingerprint: 32 hex pairs joined by ":"'));

const NodeName = z
  .string()
  .regex(/^[A-Za-z0-9]([A-Za-z0-9-]{0,62})$/, 'a node name: letters, digits and "-"')
  .describe('default node for guest tools');

export const ProfileSchema = z
  .object({
    url: HttpsUrl,
    tokenId: z
      .string()
      .regex(/^[^\s@!]+@[A-Za-z0-9._-]+![A-Za-z][A-Za-z0-9._-]*$/, 'USER@REALM!TOKENID, e.g. root@pam!ai')
      .describe('API token id, USER@REALM!TOKENID'),
    username: z
      .string()
      .regex(/^[^\s@!]+@[A-Za-z0-9._-]+$/, 'USER@REALM, e.g. root@pam')
      .describe('user for ticket login, USER@REALM (prefer an API token)'),
    fingerprint: Fingerprint.describe('pinned SHA-256 certificate fingerprint'),
    caFile: z.string().min(1).describe("CA certificate file, e.g. the cluster's pve-root-ca.pem"),
    node: NodeName,
    ssh: z
      .object({
        user: z
          .string()
          .regex(/^[a-z_][a-z0-9_-]{0,31}$/, 'a Unix user name')
          .describe('SSH user for node access'),
        keyFile: z.string().min(1).describe('SSH private key file'),
        port: z.number().int().min(1).max(65535).describe('SSH port'),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

// No "_" in server names: their tools are named `<server>__<tool>`.
const McpServerName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/, 'letters, digits and "-" (its tools are named <server>__<tool>)');

/** An external MCP server whose tools join the registry as `<server>__<tool>`: a command (stdio) or a URL (Streamable HTTP). */
export const McpServerSchema = z
  .object({
    command: z.string().min(1).describe('program that serves MCP on stdio, e.g. npx'),
    args: z.array(z.string()).describe('arguments of the command'),
    env: z.record(
      z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name'),
      z.string().describe('environment variable for the command'),
    ),
    url: z
      .string()
      .regex(/^https?:\/\/\S+$/, 'an http(s) URL of a Streamable HTTP MCP endpoint')
      .describe('Streamable HTTP endpoint of the server'),
    headers: z.record(
      z.string().regex(/^[A-Za-z0-9-]+$/, 'an HTTP header name'),
      z.string().describe('HTTP header sent to the server, e.g. Authorization'),
    ),
  })
  .partial()
  .strict()
  .refine(
    (server) => (server.command === undefined) !== (server.url === undefined),
    'give either command (stdio) or url (Streamable HTTP), not both',
  );

export const ConfigSchema = z
  .object({
    defaultProfile: ProfileName.describe('profile used when --profile is not given'),
    profiles: z.record(ProfileName, ProfileSchema),
    ai: z
      .object({
        host: z
          .string()
          .regex(/^(https?:\/\/\S+|unix:\S+)$/, 'http://HOST:PORT or unix:/path')
          .describe('Ollama URL'),
        model: z.string().min(1).describe('Ollama model name'),
        numCtx: z.number().int().min(2048).max(1_048_576).describe('context window sent to Ollama'),
        maxSteps: z.number().int().min(1).max(100).describe('tool rounds per turn'),
        maxCallsPerTurn: z.number().int().min(1).max(1000).describe('tool calls per turn (default 40)'),
        maxCallsPerSession: z.number().int().min(1).max(100_000).describe('tool calls per session (default 500)'),
        maxReplyBytes: z
          .number()
          .int()
          .min(1024)
          .max(16_777_216)
          .describe("bytes of the model's text per reply before it is cut (default 65536)"),
        allowRemoteHost: z.boolean().describe('allow a non-local Ollama host'),
        cacheEnabled: z.boolean().describe('cache read-tool results'),
        cacheTtlSeconds: z.number().int().min(0).max(86_400).describe('read cache lifetime'),
      })
      .partial()
      .strict(),
    policy: z
      .object({
        rulesFile: z.string().min(1).describe('user policy rules file (YAML)'),
        mode: z.enum(['normal', 'read-only']).describe('read-only denies every non-read tool'),
      })
      .partial()
      .strict(),
    mcp: z
      .object({
        allowedOrigins: z
          .array(z.string().regex(/^https?:\/\/\S+$/, 'an origin such as http://localhost:6274'))
          .describe('Origins accepted by mcp --http'),
        allowedHosts: z
          .array(z.string().regex(/^[A-Za-z0-9.:[\]-]+$/, 'a host name such as pve-admin.lan'))
          .describe('Host header names accepted by mcp --http besides loopback'),
        trustElicitation: z.boolean().describe('let MCP clients answer typed confirmations'),
        servers: z.record(McpServerName, McpServerSchema),
      })
      .partial()
      .strict(),
    audit: z
      .object({
        forward: z
          .object({
            url: z
              .string()
              .regex(receiverUrlPattern, 'tcp://HOST:PORT or tls://HOST:PORT, e.g. tls://logs.example.net:6514')
              .describe('syslog receiver the audit trail is forwarded to, tcp:// or tls://HOST:PORT'),
            caFile: z.string().min(1).describe('CA certificate that signed the tls:// receiver'),
            fingerprint: Fingerprint.describe('pinned SHA-256 fingerprint of the tls:// receiver'),
            facility: z
              .enum(Object.keys(syslogFacilities) as [SyslogFacility, ...SyslogFacility[]])
              .describe('syslog facility of forwarded records (default authpriv)'),
            appName: z
              .string()
              .regex(/^[\x21-\x7e]{1,48}$/, 'printable ASCII without spaces, at most 48 characters')
              .describe('syslog APP-NAME of forwarded records (default proxmox-ai)'),
          })
          .partial()
          .strict(),
      })
      .partial()
      .strict(),
    iac: z
      .object({
        playbookDirs: z.array(z.string().min(1)).describe('directories run_playbook may use'),
        allowInit: z.boolean().describe('let terraform init download providers'),
        terraform: z.boolean().describe('offer plan_terraform and apply_terraform'),
        inventory: z.string().min(1).describe('Ansible inventory file for run_playbook'),
        knownHostsFile: z.string().min(1).describe('known_hosts for SSH and Ansible (default ~/.ssh/known_hosts)'),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

export const SecretsSchema = z
  .object({
    profiles: z.record(
      ProfileName,
      z
        .object({
          tokenSecret: z.string().min(1).describe('API token secret (stored in secrets.json)'),
          password: z.string().min(1).describe('password for ticket login (stored in secrets.json)'),
        })
        .partial()
        .strict(),
    ),
  })
  .partial()
  .strict();

export type AppConfig = z.infer<typeof ConfigSchema>;
export type ProfileConfig = z.infer<typeof ProfileSchema>;
export type Secrets = z.infer<typeof SecretsSchema>;
export type McpServerConfig = z.infer<typeof McpServerSchema>;
