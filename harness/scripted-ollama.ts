import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerTurn, commonPrefixLength, renderPrompt, streamTurn, tokens } from './scripted-ollama-chat.js';
import type {
  ChatBody,
  ChatEnd,
  RecordedChat,
  RecordedRequest,
  ScriptedModel,
  ScriptedTurn,
  TurnResponder,
} from './scripted-ollama-types.js';

export type * from './scripted-ollama-types.js';
export { extendsPrevious, prefixReusePct } from './scripted-ollama-prefix.js';

export interface ScriptedOllamaOptions {
  /** Installed models; default one qwen3:8b with tools and thinking. */
  models?: ScriptedModel[];
  /** Turns answered in order, one per `/api/chat` request. */
  script?: ScriptedTurn[];
  /** Answers requests once the script is used up; without it they get a 500 error. */
  respond?: TurnResponder;
  /** Default pause before each streamed chunk; 0 (zero latency) unless set. */
  chunkDelayMs?: number;
  /** `/api/version`; default "0.12.3". */
  version?: string;
  /** Listen on this unix socket instead of 127.0.0.1:0. */
  socketPath?: string;
  /** `created_at` of every chunk; default a fixed time. */
  now?: () => Date;
}

export interface ScriptedOllama {
  /** `http://127.0.0.1:PORT`, or `unix:/path` with `socketPath`. */
  url: string;
  /** Every request, in arrival order. */
  requests: RecordedRequest[];
  /** Every `/api/chat` request, in arrival order. */
  chats: RecordedChat[];
  /** Appends turns to the script. */
  push(...turns: ScriptedTurn[]): void;
  close(): Promise<void>;
}

export const defaultScriptedModel: ScriptedModel = {
  name: 'qwen3:8b',
  capabilities: ['completion', 'tools', 'thinking'],
  contextLength: 40_960,
  parameterSize: '8.2B',
};

/** A real HTTP server that answers like Ollama from a script; for tests and benchmarks only. */
export async function startScriptedOllama(options: ScriptedOllamaOptions = {}): Promise<ScriptedOllama> {
  const models = options.models ?? [defaultScriptedModel];
  const queue = [...(options.script ?? [])];
  const requests: RecordedRequest[] = [];
  const chats: RecordedChat[] = [];
  const now = options.now ?? (() => new Date('2026-01-01T00:00:00Z'));
  let previous: { model: string; options: string; prompt: string } | undefined;

  const find = (name: unknown) =>
    typeof name === 'string' ? models.find((model) => fullName(model.name) === fullName(name)) : undefined;

  async function chat(raw: string, body: ChatBody, res: ServerResponse): Promise<void> {
    const prompt = renderPrompt(body);
    const runnerOptions = JSON.stringify(body.options ?? {});
    // A changed model or options (num_ctx) reloads the runner in Ollama: nothing is cached then.
    const sameRunner = previous?.model === body.model && previous.options === runnerOptions;
    const cachedTokens = sameRunner ? Math.floor(commonPrefixLength(previous!.prompt, prompt) / 4) : 0;
    let settle: (end: ChatEnd) => void = () => {};
    const record: RecordedChat = {
      index: chats.length,
      rawBody: raw,
      body,
      promptTokens: tokens(prompt),
      cachedTokens,
      ended: new Promise((resolve) => (settle = resolve)),
    };
    chats.push(record);
    const refusal = refuse(body, find(body.model));
    if (refusal) {
      settle('refused');
      return sendJson(res, refusal.status, { error: refusal.error });
    }
    previous = { model: body.model, options: runnerOptions, prompt };
    const turn = queue.shift() ?? options.respond?.(record);
    if (!turn) {
      settle('refused');
      return sendJson(res, 500, { error: `scripted ollama has no turn left for request ${record.index}` });
    }
    if (turn.httpError) {
      settle('refused');
      return sendJson(res, turn.httpError.status, { error: turn.httpError.error });
    }
    if (turn.cut === 'before-answer') {
      settle('cut');
      res.socket?.destroy();
      return;
    }
    const context = {
      model: body.model,
      promptEvalCount: Math.max(1, record.promptTokens - cachedTokens),
      chunkDelayMs: options.chunkDelayMs ?? 0,
      createdAt: now().toISOString(),
    };
    settle(body.stream === false ? answerTurn(res, turn, context) : await streamTurn(res, turn, context));
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const body = parseJson(raw);
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ method: req.method ?? 'GET', path, rawBody: raw, body });
    if (path === '/api/version' && req.method === 'GET')
      return sendJson(res, 200, { version: options.version ?? '0.12.3' });
    if (path === '/api/tags' && req.method === 'GET') return sendJson(res, 200, { models: models.map(tagsEntry) });
    if (path === '/api/show' && req.method === 'POST') {
      const name =
        (body as { model?: unknown; name?: unknown } | undefined)?.model ??
        (body as { name?: unknown } | undefined)?.name;
      const model = find(name);
      return model
        ? sendJson(res, 200, showEntry(model))
        : sendJson(res, 404, { error: `model '${String(name)}' not found` });
    }
    if (path === '/api/chat' && req.method === 'POST') {
      if (!isChatBody(body)) return sendJson(res, 400, { error: 'invalid chat request' });
      return chat(raw, body, res);
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found');
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => res.destroy(error instanceof Error ? error : new Error(String(error))));
  });
  await new Promise<void>((resolve) =>
    options.socketPath ? server.listen(options.socketPath, resolve) : server.listen(0, '127.0.0.1', resolve),
  );
  const url = options.socketPath
    ? `unix:${options.socketPath}`
    : `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    chats,
    push: (...turns) => queue.push(...turns),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What Ollama answers before running the model. */
function refuse(body: ChatBody, model: ScriptedModel | undefined): { status: number; error: string } | undefined {
  if (!model) return { status: 404, error: `model '${body.model}' not found` };
  const capabilities = capabilitiesOf(model);
  if ((body.tools?.length ?? 0) > 0 && !capabilities.includes('tools'))
    return { status: 400, error: `registry.ollama.ai/library/${fullName(body.model)} does not support tools` };
  if (body.think === true && !capabilities.includes('thinking'))
    return { status: 400, error: `"${fullName(body.model)}" does not support thinking` };
  return undefined;
}

function tagsEntry(model: ScriptedModel) {
  return {
    name: model.name,
    model: model.name,
    modified_at: model.modifiedAt ?? '2026-01-01T00:00:00Z',
    size: 5_000_000_000,
    digest: 'f'.repeat(64),
    details: details(model),
  };
}

function showEntry(model: ScriptedModel) {
  const architecture = model.architecture ?? familyOf(model);
  return {
    license: '',
    modelfile: `FROM ${model.name}`,
    parameters: '',
    template: '{{ .Prompt }}',
    details: details(model),
    model_info: {
      'general.architecture': architecture,
      'general.parameter_count': 8_000_000_000,
      [`${architecture}.context_length`]: model.contextLength ?? 40_960,
    },
    capabilities: capabilitiesOf(model),
    modified_at: model.modifiedAt ?? '2026-01-01T00:00:00Z',
  };
}

function details(model: ScriptedModel) {
  const family = familyOf(model);
  return {
    parent_model: '',
    format: 'gguf',
    family,
    families: [family],
    parameter_size: model.parameterSize ?? '8.0B',
    quantization_level: 'Q4_K_M',
  };
}

const familyOf = (model: ScriptedModel) => model.family ?? model.name.split(':')[0]!;
const capabilitiesOf = (model: ScriptedModel) => model.capabilities ?? ['completion', 'tools'];
const fullName = (name: string) => (name.includes(':') ? name : `${name}:latest`);

function isChatBody(body: unknown): body is ChatBody {
  const candidate = body as Partial<ChatBody> | undefined;
  return typeof candidate?.model === 'string' && Array.isArray(candidate.messages);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

function parseJson(raw: string): unknown {
  try {
    return raw ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}
