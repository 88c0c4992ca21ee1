import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/config/package-info.js';

// Plants one import in a file that does not exist on disk, at a real place in the tree, and lints it with the
// repository's own eslint.config.js: the import-boundary rule must name it, or let it pass.
const root = packageRoot();
const eslint = new ESLint({
  cwd: root,
  // The planted file is in no TypeScript project; the boundary rule needs none, the type-checked rules are not run.
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => ruleId === 'import-x/no-restricted-paths' || ruleId === 'import-x/no-unresolved',
});

async function problemsOf(file: string, importLine: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${importLine}\nexport const planted = 1;\n`, {
    filePath: path.join(root, file),
  });
  return result!.messages.map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);
}

describe('import boundaries (eslint.config.js)', () => {
  it('fails a core file that imports the TUI', async () => {
    const problems = await problemsOf('src/core/planted.ts', "import { App } from '../ui/components/App.js';");
    expect(problems).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*the core reaches the outside/)]);
  });

  it('fails a core file that imports the Proxmox client or the simulator', async () => {
    const client = await problemsOf(
      'src/core/planted.ts',
      "import { createProxmoxClient } from '../proxmox/index.js';",
    );
    const sim = await problemsOf('src/core/planted.ts', "import { startSimulator } from '../sim/index.js';");
    expect(client).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: /)]);
    expect(sim).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: /)]);
  });

  it('fails a tool that imports the Proxmox client, its adapter or the simulator', async () => {
    for (const line of [
      "import { createProxmoxClient } from '../src/proxmox/index.js';",
      "import { toProxmoxApi } from '../src/proxmox/proxmox-api-adapter.js';",
      "import { startSimulator } from '../src/sim/index.js';",
      "import { runProgram } from '../src/iac/process/run-program.js';",
      "import { NodeSshShell } from '../src/ssh/node-ssh-shell.js';",
    ]) {
      expect(await problemsOf('tools/planted.ts', line), line).toEqual([
        expect.stringMatching(/^import-x\/no-restricted-paths: .*tools /),
      ]);
    }
  });

  it('fails the TUI importing the CLI, bench importing test/, MCP reaching into tools/support', async () => {
    expect(await problemsOf('src/ui/planted.ts', "import { buildProgram } from '../cli/program.js';")).toHaveLength(1);
    expect(await problemsOf('bench/planted.ts', "import { tempHome } from '../test/support/cli.js';")).toHaveLength(1);
    expect(
      await problemsOf('mcp/planted.ts', "import { requireIac } from '../tools/support/session-ports.js';"),
    ).toHaveLength(1);
  });

  it('lets every room import src/shared, tools the wire model, the TUI the core', async () => {
    expect(await problemsOf('src/core/planted.ts', "import { AppError } from '../shared/errors.js';")).toEqual([]);
    expect(await problemsOf('tools/planted.ts', "import { ExitCode } from '../src/shared/exit-codes.js';")).toEqual([]);
    expect(
      await problemsOf('tools/planted.ts', "import { pveBoolean } from '../src/proxmox/schemas/wire.js';"),
    ).toEqual([]);
    expect(await problemsOf('src/ui/planted.ts', "import { callTool } from '../core/scheduler.js';")).toEqual([]);
  });

  it('fails an import that does not resolve, so no boundary can be skipped by a path the resolver misses', async () => {
    expect(await problemsOf('src/core/planted.ts', "import { gone } from '../ui/no-such-file.js';")).toEqual([
      expect.stringMatching(/^import-x\/no-unresolved: /),
    ]);
  });
});
