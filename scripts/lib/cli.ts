/**
 * How the editors' commands end when something goes wrong (npm run check:content, import, new):
 * `endFailuresCleanly()`, called first in a script, turns any error the script does not handle
 * itself into the Vietnamese report and a one-line summary (src/editor/messages.ts,
 * failureReport), with no stack trace unless `--verbose` is on the command line or
 * CONGDOAN_VERBOSE=1 is set. Exit code 1 for a content error (an editor can fix it), 2 for
 * anything else. The build has its own entry with the same report (scripts/lib/publish/astro-build.ts).
 */
import { failureReport, verboseFromEnv } from '#src/editor/messages.ts';

export interface CleanEndOptions {
  /** What the failure means, in Vietnamese: "chưa tệp nào được ghi". */
  consequence: string;
  /** The command, for developers: "import failed". */
  check: string;
  argv?: readonly string[];
  env?: Readonly<Record<string, string | undefined>>;
}

/** Whether the technical detail was asked for: `--verbose`, or CONGDOAN_VERBOSE=1. */
export const verboseRequested = (
  argv: readonly string[] = process.argv.slice(2),
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean => argv.includes('--verbose') || verboseFromEnv(env);

/** Report errors the script does not catch (thrown, or rejected promises) and exit; see above. */
export function endFailuresCleanly({
  consequence,
  check,
  argv = process.argv.slice(2),
  env = process.env,
}: CleanEndOptions): void {
  const verbose = verboseRequested(argv, env);
  const end = (error: unknown) => {
    const { text, content } = failureReport(error, { consequence, check, verbose });
    console.error(text);
    process.exit(content ? 1 : 2);
  };
  process.on('uncaughtException', end);
  process.on('unhandledRejection', end);
}
