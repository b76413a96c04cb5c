import type { CliCommand } from '../command';
import { checkCommand } from './check';
import { seedDemoCommand } from './seed-demo';

/** Every CLI command; a feature adds its command file and one line here. */
export const COMMANDS: CliCommand[] = [
  seedDemoCommand,
  checkCommand,
];
