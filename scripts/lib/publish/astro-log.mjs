// Astro's own console log destination (astro/logger/node), for the builds of
// scripts/lib/publish/astro-build.ts, less one line: "An unhandled error occurred while running
// the "astro:config:done" hook", which Astro logs for the content guard's integration before it
// passes the guard's error on. astro-build.ts reports that error itself (the Vietnamese report and
// a summary); the line would make a content error read as a crash. And, unless the build is
// verbose (config.stacks), the stack trace Astro logs with an error while it renders a page: the
// error is reported once more, in Vietnamese, when the build ends. Every other line is Astro's.
// Plain JavaScript: Astro loads a logger entrypoint without TypeScript (its `logger` option).
import nodeLogger from 'astro/logger/node';

const GUARD = 'congdoan:content-guard';
// Astro colours the hook's name; the pattern does not depend on it.
const UNHANDLED = /^An unhandled error occurred while running the /;
const STACK_LINE = /\n\s+at \S/;
const STACK_LINES = /(?:\n\s+at \S[^\n]*)+/g;

export default function quietHookErrors(config) {
  const node = nodeLogger(config);
  return {
    ...node,
    write(event) {
      if (event.level === 'error' && event.label === GUARD && UNHANDLED.test(event.message)) return;
      if (event.level === 'error' && !config?.stacks && STACK_LINE.test(event.message)) {
        node.write({ ...event, message: event.message.replace(STACK_LINES, '') });
        return;
      }
      node.write(event);
    },
  };
}
