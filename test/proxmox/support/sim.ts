import type { ResolvedProfile } from '../../../src/config/profile.js';
import { demoScenarioPath, loadScenarioFile, parseScenario, startSimulator } from '../../../src/sim/index.js';

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;
type SimulatorOptions = Omit<Parameters<typeof startSimulator>[0], 'scenario'>;

export function startDemo(options: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({ scenario: loadScenarioFile(demoScenarioPath()), ...options });
}

export function startScenario(yaml: string, options: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({ scenario: parseScenario(yaml, 'test.yaml'), ...options });
}

/** The simulator's token with its certificate pinned, as `--demo` sets it up. */
export function tokenProfile(sim: Simulator, overrides: Partial<ResolvedProfile> = {}): ResolvedProfile {
  return {
    name: 'demo',
    url: sim.url,
    tokenId: sim.tokenId,
    tokenSecret: sim.tokenSecret,
    fingerprint: sim.fingerprint,
    ...overrides,
  };
}

/** The simulator's first user, logging in with a password (tickets). */
export function passwordProfile(sim: Simulator, overrides: Partial<ResolvedProfile> = {}): ResolvedProfile {
  const user = sim.users[0]!;
  return {
    name: 'demo',
    url: sim.url,
    username: user.userid,
    password: user.password,
    fingerprint: sim.fingerprint,
    ...overrides,
  };
}

/** A clock tests move by hand, shared by simulator and client when both must agree. */
export function manualClock(start = Date.UTC(2026, 10, 20, 3, 0, 0)) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}
