export interface CliCommand {
  name: string;
  /** One line in Indonesian for `npm run cli -- help`. */
  summary: string;
  usage: string;
  /** Returns the process exit code. Prints plain Indonesian messages, never a stack trace. */
  run(argv: string[]): Promise<number>;
}
