export function runQuietly(command: string, args: string[]): number;
export function ensureBuilt(): void;
