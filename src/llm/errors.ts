import { AppError, ConfigError } from '../shared/errors.js';
import { recommendedModel } from './recommended-model.js';

/**
 * Every error of the Ollama adapter, one class per way talking to the model
 * can fail, each with a one-line message that says what to do.
 */

/** Squeezes a server message into one short line for an error sentence. */
export function oneLine(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Nothing answers at the Ollama host (refused, unknown host, no socket). */
export class OllamaUnavailableError extends AppError {
  readonly host: string;

  constructor(host: string, reason: string, options?: ErrorOptions) {
    super(
      'llm.unavailable',
      `Ollama is not running at ${host} (${reason}); start it with 'ollama serve', or set ai.host / OLLAMA_HOST`,
      undefined,
      options,
    );
    this.name = 'OllamaUnavailableError';
    this.host = host;
  }
}

/** Privacy (docs/architecture.md, "Safety rules"): the Ollama host is not this machine and the user did not allow that. */
export class RemoteHostRefusedError extends ConfigError {
  readonly host: string;

  constructor(host: string) {
    super(
      `Ollama host ${host} is not on this machine; refused for privacy: use a local Ollama, or proxmox-ai config set ai.allowRemoteHost true`,
      'llm.remote-host-refused',
    );
    this.name = 'RemoteHostRefusedError';
    this.host = host;
  }
}

/**
 * Ollama refused a request for a reason we have no better sentence for, or
 * (status undefined) the host answered with something that is not Ollama's.
 */
export class OllamaResponseError extends AppError {
  readonly status: number | undefined;

  constructor(host: string, status: number | undefined, serverMessage: string, options?: ErrorOptions) {
    const message =
      status === undefined
        ? `${host} did not answer like Ollama (${oneLine(serverMessage)}); check that ai.host / OLLAMA_HOST points at Ollama`
        : `Ollama at ${host} answered ${status}: ${oneLine(serverMessage)}; check the Ollama server log`;
    super('llm.response', message, undefined, options);
    this.name = 'OllamaResponseError';
    this.status = status;
  }
}

/** Ollama does not have the model (`model 'x' not found`). */
export class ModelNotFoundError extends AppError {
  readonly model: string;

  constructor(model: string, host: string, options?: ErrorOptions) {
    super(
      'llm.model-not-found',
      `model '${model}' not found in Ollama at ${host}; run 'ollama pull ${model}', or pick an installed one with proxmox-ai config set ai.model NAME`,
      undefined,
      options,
    );
    this.name = 'ModelNotFoundError';
    this.model = model;
  }
}

/** The model's template has no tool calling, so the agent cannot use it. */
export class ModelWithoutToolsError extends AppError {
  readonly model: string;

  constructor(model: string, options?: ErrorOptions) {
    super(
      'llm.model-without-tools',
      `model '${model}' does not support tools; try 'ollama pull ${recommendedModel}' and proxmox-ai config set ai.model ${recommendedModel}`,
      undefined,
      options,
    );
    this.name = 'ModelWithoutToolsError';
    this.model = model;
  }
}

/** No model is configured and none of the installed ones can call tools. */
export class NoToolModelError extends AppError {
  constructor(host: string, installed: number) {
    const what = installed === 0 ? 'no model is installed' : `none of the ${installed} installed models supports tools`;
    super('llm.no-tool-model', `${what} in Ollama at ${host}; run 'ollama pull ${recommendedModel}'`);
    this.name = 'NoToolModelError';
  }
}

/** The answer broke off: an `error` line in the stream, or the stream ended without `done`. */
export class ModelStreamError extends AppError {
  readonly model: string;
  readonly serverMessage: string;

  constructor(model: string, serverMessage: string, options?: ErrorOptions) {
    super(
      'llm.stream',
      `model '${model}' failed mid-answer: ${oneLine(serverMessage)}; check 'ollama ps' and the Ollama server log, then retry`,
      undefined,
      options,
    );
    this.name = 'ModelStreamError';
    this.model = model;
    this.serverMessage = serverMessage;
  }
}

/** Ollama accepted the request, then the connection dropped before the answer's last chunk: it is running, the answer broke off. */
export class ModelStreamEndedError extends AppError {
  readonly model: string;

  constructor(model: string, reason: string, options?: ErrorOptions) {
    super('llm.stream-ended', `the model's stream ended early: ${oneLine(reason)}; try again`, undefined, options);
    this.name = 'ModelStreamEndedError';
    this.model = model;
  }
}

/**
 * The caller aborted the model's turn (Ctrl-C, a cancelled turn). Named
 * `AbortError` so code that checks `error.name` treats it like the DOM one.
 */
export class ModelAbortedError extends AppError {
  readonly model: string;

  constructor(model: string, options?: ErrorOptions) {
    super('llm.aborted', `the answer of model '${model}' was aborted`, undefined, options);
    this.name = 'AbortError';
    this.model = model;
  }
}
