import { pathToFileURL } from 'node:url';
import type { RunningPlatform } from './platform-server.ts';

/**
 * When `moduleUrl` is the script node was started with: a fresh platform with the demo seeded,
 * then this one bench section alone, its report on stdout, progress on stderr.
 */
export async function runAlone(moduleUrl: string, section: (server: RunningPlatform, log: (line: string) => void) => Promise<string>): Promise<void> {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  const { startPlatform } = await import('./platform-server.ts');
  const server = await startPlatform();
  try {
    process.stdout.write(await section(server, (l) => process.stderr.write(`${l}\n`)));
  } finally {
    await server.close();
  }
}
