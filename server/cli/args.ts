/** A minimal argv parser for the admin CLI: `command [positionals] [--flag value | --flag=value | --switch]`. */
export interface ParsedArgs {
  command: string;
  positionals: string[];
  flags: Map<string, string | true>;
}

export class UsageError extends Error {}

export const parseArgs = (argv: readonly string[]): ParsedArgs => {
  const [command = 'help', ...rest] = argv;
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) {
      flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    } else if (rest[i + 1] !== undefined && !rest[i + 1]!.startsWith('--')) {
      flags.set(arg.slice(2), rest[++i]!);
    } else {
      flags.set(arg.slice(2), true);
    }
  }
  return { command, positionals, flags };
};

/** Reads the flags a command knows; unknown flags are a usage error, not silently ignored. */
export const flagReader = (args: ParsedArgs, known: readonly string[]) => {
  for (const name of args.flags.keys()) {
    if (name !== 'server' && !known.includes(name)) throw new UsageError(`unknown option --${name} for ${args.command}`);
  }
  const optional = (name: string): string | undefined => {
    const value = args.flags.get(name);
    if (value === true) throw new UsageError(`--${name} needs a value`);
    return value;
  };
  return {
    optional,
    required: (name: string): string => {
      const value = optional(name);
      if (value === undefined || value === '') throw new UsageError(`${args.command} needs --${name}`);
      return value;
    },
    integer: (name: string, fallback?: number): number | undefined => {
      const value = optional(name);
      if (value === undefined) return fallback;
      if (!/^-?\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number`);
      return Number(value);
    },
  };
};
