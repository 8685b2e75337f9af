import { loadConfig } from '../core/config.ts';
import { createPlatform } from '../core/app.ts';
import { allModules } from './modules.ts';
import { seedDemoIfEmpty } from './demo/seed-demo.ts';

/** `npm start`: the server with all modules; seeds the demo municipalities on first start. */
async function main(): Promise<void> {
  const config = loadConfig();
  const platform = await createPlatform(config, allModules);
  const log = platform.http.log;
  if (config.seedDemo && (await seedDemoIfEmpty(platform))) log.info('seeded the demo municipalities');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down: finishing in-flight requests and jobs');
    const force = setTimeout(() => process.exit(1), 20_000).unref();
    await platform.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await platform.http.listen({ port: config.port, host: config.host });
  const port = (platform.http.server.address() as { port: number }).port;
  const lines = [
    '',
    `Dorfplatz is running (${platform.database.kind === 'pglite' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL'}).`,
    ...platform.tenants.all().map((t) => `  ${t.name.padEnd(28)} http://${t.slug}.localhost:${port}/   API: http://${t.slug}.localhost:${port}/graphql`),
    `  Default municipality:        http://localhost:${port}/   API: http://localhost:${port}/graphql`,
    `  Health / readiness / metrics: http://localhost:${port}/health  /ready  /metrics`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((err) => {
  process.stderr.write(`Dorfplatz could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
