import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// The rooms of the repository and what each may import (docs/architecture.md, "Rooms and boundaries").
// A zone forbids `target` to import from `from`; every room may import src/shared.
const rooms = [
  'src/audit',
  'src/cache',
  'src/cli',
  'src/config',
  'src/core',
  'src/diagnose',
  'src/iac',
  'src/llm',
  'src/policy',
  'src/proxmox',
  'src/sim',
  'src/ssh',
  'src/ui',
  'tools',
  'mcp',
  'bench',
  'harness',
  'test',
  'bin',
];

/** Every room except the allowed ones, as zone paths. */
const roomsExcept = (...allowed) => rooms.filter((room) => !allowed.includes(room)).map((room) => `./${room}`);

export const boundaryZones = [
  {
    target: './src/core',
    from: roomsExcept('src/core', 'src/audit', 'src/policy', 'src/proxmox'),
    message: 'the core reaches the outside only through its ports (src/core/ports)',
  },
  {
    target: './src/core',
    from: './src/proxmox',
    except: ['./schemas'],
    message: 'the core sees Proxmox only through the ProxmoxApi port and the wire model in src/proxmox/schemas',
  },
  {
    target: './tools',
    from: roomsExcept('tools', 'src/core', 'src/config', 'src/diagnose', 'src/iac', 'src/proxmox'),
    message: 'tools use the ports of their ToolContext, never a concrete adapter, the simulator or a front end',
  },
  {
    target: './tools',
    from: './src/proxmox',
    except: ['./schemas'],
    message: 'tools reach Proxmox through the ProxmoxApi port; only the wire model in src/proxmox/schemas is theirs',
  },
  {
    target: './tools',
    from: './src/iac',
    except: ['./terraform', './ansible', './iac-error.ts'],
    message: 'tools reach Terraform and Ansible through the IacPort, never through the process adapter',
  },
  {
    target: './src/ui',
    from: roomsExcept('src/ui', 'src/core'),
    message: 'the TUI imports only the core, src/shared and its own room; src/cli hands it a backend',
  },
  {
    target: './bench',
    from: './test',
    message: 'benchmarks share harness/ with the tests, never test/ itself',
  },
  {
    target: './mcp',
    from: './tools/support',
    message: 'MCP serves tools through the registry; what it shares with tools belongs in src/core or src/shared',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      // Sources import each other as `.js`; the resolver maps that to the `.ts`/`.tsx` file, so every zone is checked.
      'import-x/resolver-next': [importX.createNodeResolver({ extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } })],
    },
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: boundaryZones }],
      'import-x/no-unresolved': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
);
