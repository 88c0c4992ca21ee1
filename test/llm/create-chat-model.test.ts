import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExitCode } from '../../src/shared/exit-codes.js';
import { createChatModel } from '../../src/llm/create-chat-model.js';
import {
  ModelNotFoundError,
  ModelWithoutToolsError,
  OllamaResponseError,
  OllamaUnavailableError,
  RemoteHostRefusedError,
} from '../../src/llm/errors.js';
import { startScriptedOllama, type ScriptedOllama, type ScriptedOllamaOptions } from '../../harness/scripted-ollama.js';
import { collect, failure, modelOn, request } from './helpers.js';

let peer: ScriptedOllama | undefined;
afterEach(async () => {
  await peer?.close();
  peer = undefined;
  vi.restoreAllMocks();
});

async function start(options: ScriptedOllamaOptions = {}) {
  peer = await startScriptedOllama(options);
  return peer;
}

describe('createChatModel', () => {
  it('asks /api/show once for a configured model and nothing else', async () => {
    const server = await start();
    const model = await modelOn(server, { model: 'qwen3:8b' });
    expect(model.name).toBe('qwen3:8b');
    expect(server.requests.map((req) => `${req.method} ${req.path}`)).toEqual(['POST /api/show']);
  });

  it('lets PROXMOX_AI_MODEL override ai.model', async () => {
    const server = await start({ models: [{ name: 'qwen3:8b' }, { name: 'llama3.1:8b' }] });
    const model = await createChatModel({
      config: { ai: { host: server.url, model: 'qwen3:8b' } },
      env: { PROXMOX_AI_MODEL: 'llama3.1:8b' },
    });
    expect(model.name).toBe('llama3.1:8b');
  });

  it('refuses a configured model that is not installed, naming the pull command', async () => {
    const server = await start();
    const error = await failure(modelOn(server, { model: 'mistral-nemo' }));
    expect(error).toBeInstanceOf(ModelNotFoundError);
    expect(error.message).toBe(
      `model 'mistral-nemo' not found in Ollama at ${server.url}; run 'ollama pull mistral-nemo', or pick an installed one with proxmox-ai config set ai.model NAME`,
    );
  });

  it('refuses a configured model without tool support, suggesting one that has it', async () => {
    const server = await start({ models: [{ name: 'gemma2:9b', capabilities: ['completion'] }] });
    const error = await failure(modelOn(server, { model: 'gemma2:9b' }));
    expect(error).toBeInstanceOf(ModelWithoutToolsError);
    expect(error.message).toBe(
      "model 'gemma2:9b' does not support tools; try 'ollama pull qwen3:8b' and proxmox-ai config set ai.model qwen3:8b",
    );
  });

  it('says to run ollama serve when nothing listens on the local port', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(createChatModel({ config: {}, env: { OLLAMA_HOST: `127.0.0.1:${port}` } }));
    expect(error).toBeInstanceOf(OllamaUnavailableError);
    expect(error.message).toBe(
      `Ollama is not running at http://127.0.0.1:${port} (connection refused); start it with 'ollama serve', or set ai.host / OLLAMA_HOST`,
    );
  });

  it('refuses a remote host before any connection, naming ai.allowRemoteHost', async () => {
    const spy = vi.fn<typeof fetch>();
    const error = await failure(
      createChatModel({
        config: { ai: { host: 'http://ollama.example.net:11434', model: 'qwen3:8b' } },
        env: {},
        fetch: spy,
      }),
    );
    expect(error).toBeInstanceOf(RemoteHostRefusedError);
    expect(error.message).toContain('proxmox-ai config set ai.allowRemoteHost true');
    expect((error as RemoteHostRefusedError).exitCode).toBe(ExitCode.usage);
    expect(spy).not.toHaveBeenCalled();
  });

  it('uses a remote host once ai.allowRemoteHost is set', async () => {
    const spy = vi.fn<typeof fetch>(async () =>
      Response.json({ capabilities: ['completion', 'tools'], model_info: {} }),
    );
    const model = await createChatModel({
      config: { ai: { host: 'http://ollama.example.net:11434', model: 'qwen3:8b', allowRemoteHost: true } },
      env: {},
      fetch: spy,
    });
    expect(model.name).toBe('qwen3:8b');
    expect(String(spy.mock.calls[0]![0])).toBe('http://ollama.example.net:11434/api/show');
  });

  it('talks to Ollama over a unix socket', async () => {
    const socketPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ollama-sock-')), 'ollama.sock');
    const server = await start({ socketPath, script: [{ text: 'over the socket' }] });
    const chunks = await collect((await modelOn(server)).chat(request()));
    expect(chunks[0]).toEqual({ type: 'text', delta: 'over the socket' });
  });

  it('turns a non-JSON error page into a typed error without printing to stdout', async () => {
    const log = vi.spyOn(console, 'log');
    const page = vi.fn<typeof fetch>(
      async () => new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
    );
    const error = await failure(createChatModel({ config: { ai: { model: 'qwen3:8b' } }, env: {}, fetch: page }));
    expect(error).toBeInstanceOf(OllamaResponseError);
    expect(error.message).toBe(
      'Ollama at http://127.0.0.1:11434 answered 502: <html>Bad Gateway</html>; check the Ollama server log',
    );
    expect(log).not.toHaveBeenCalled();
  });
});
