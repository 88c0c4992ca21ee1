/** The ids of the guests with this exact name, as the cluster lists them. */
export type GuestIdsNamed = (name: string, signal: AbortSignal) => Promise<number[]>;

/**
 * Small models often pass a guest's name where its id belongs. The
 * validation message then says which id the name has, so the next call is
 * right; the name is never taken as the target itself (the target is what
 * the id resolves to in the cluster).
 */
export async function vmidNameHint(
  args: unknown,
  lookup: GuestIdsNamed | undefined,
  signal: AbortSignal,
): Promise<string | null> {
  const value = (args as { vmid?: unknown } | null)?.vmid;
  if (typeof value !== 'string' || /^\s*\d+\s*$/.test(value) || value.trim() === '') return null;
  const name = value.trim();
  const head = `vmid: "${name}" is a name; VM ids are numbers`;
  if (!lookup) return `${head} (list_vms shows them)`;
  const ids = await lookup(name, signal).catch(() => null);
  if (ids === null) return `${head} (list_vms shows them)`;
  if (ids.length === 0) return `${head}, and no guest is named ${name} (list_vms shows the names and ids)`;
  if (ids.length === 1) return `${head}: ${name} is ${ids[0]}`;
  return `${head}: ${ids.length} guests are named ${name} (${ids.join(', ')}); pick one`;
}
