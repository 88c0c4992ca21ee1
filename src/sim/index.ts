/** The Proxmox VE simulator: a faithful HTTPS peer on 127.0.0.1 driven by a scenario (docs/architecture.md, "The simulator"). */
export { startSimulator, type SimulatorHandle, type StartSimulatorOptions } from './simulator.js';
export { parseScenario, loadScenarioFile, demoScenarioPath, validateScenario } from './scenario/parse.js';
export { generateScenario } from './scenario/generate.js';
export { ScenarioError } from './scenario/scenario-error.js';
export { scenarioSchema, type Scenario, type ResolvedScenario } from './scenario/schema.js';
export { simulatorClock } from './state/clock.js';
export { PortInUseError } from './server/port-in-use-error.js';
