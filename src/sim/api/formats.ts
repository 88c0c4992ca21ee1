/** The named formats of pve-common's JSONSchema that the simulated endpoints use; each returns Proxmox's error text. */

const storageContents = new Set(['images', 'rootdir', 'iso', 'vztmpl', 'backup', 'snippets', 'import']);
const taskStatusTypes = new Set(['ok', 'error', 'warning', 'unknown']);

type FormatCheck = (value: string) => string | undefined;

const listOf =
  (check: FormatCheck): FormatCheck =>
  (value) =>
    value
      .split(/[,; ]+/)
      .filter((item) => item !== '')
      .map(check)
      .find((error) => error !== undefined);

const storageContent: FormatCheck = (value) =>
  storageContents.has(value) ? undefined : `invalid content type '${value}'\n`;

const formats: Record<string, FormatCheck> = {
  'pve-node': (value) =>
    /^(?=.{1,63}$)[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?$/.test(value)
      ? undefined
      : 'value does not look like a valid node name\n',
  'pve-vmid': (value) => (/^[1-9][0-9]{2,8}$/.test(value) ? undefined : 'value does not look like a valid VM ID\n'),
  'pve-vmid-list': listOf((value) =>
    /^[1-9][0-9]{2,8}$/.test(value) ? undefined : 'value does not look like a valid VM ID\n',
  ),
  'pve-configid': (value) => (/^[a-z][a-z0-9_-]+$/i.test(value) ? undefined : `invalid configuration ID '${value}'\n`),
  'pve-storage-id': (value) =>
    /^[a-z][a-z0-9\-_.]*[a-z0-9]$/i.test(value) ? undefined : `storage ID '${value}' contains illegal characters\n`,
  'pve-realm': (value) =>
    /^[A-Za-z][A-Za-z0-9.\-_]+$/.test(value) ? undefined : `value '${value}' does not look like a valid realm\n`,
  'pve-storage-content': storageContent,
  'pve-storage-content-list': listOf(storageContent),
  'pve-task-status-type-list': listOf((value) =>
    taskStatusTypes.has(value) ? undefined : `invalid status type '${value}'\n`,
  ),
  CIDR: (value) =>
    /^(\d{1,3}(\.\d{1,3}){3}\/\d{1,2}|[0-9a-fA-F:]+\/\d{1,3})$/.test(value)
      ? undefined
      : 'value does not look like a valid CIDR network\n',
};

/** The error text for a value of a named format; formats the simulator does not know pass. */
export function formatError(format: string, value: string): string | undefined {
  return formats[format]?.(value);
}
