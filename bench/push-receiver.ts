import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalExpoService } from '../modules/push/tests/local-expo-service.ts';

/**
 * Child process of the push fan-out benchmark: the receiving ends on their own core — the local
 * Expo service (its wire format, tickets) and a Web Push endpoint that accepts (201) and counts
 * without decrypting (the sender's cost is what is measured). Answers `counts` over IPC.
 */
if (!process.send) throw new Error('bench/push-receiver.ts runs as a child of the benchmark');

const expo = await LocalExpoService.start();
let web = 0;
const webServer = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    web++;
    res.writeHead(201, { location: `/m/${web}` }).end();
  });
});
webServer.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => webServer.listen(0, '127.0.0.1', resolve));

process.send({ ready: true, expoUrl: expo.url, webUrl: `http://127.0.0.1:${(webServer.address() as AddressInfo).port}` });
// The counts so far, then (reset) from zero again.
process.on('message', (msg: { counts?: boolean; reset?: boolean }) => {
  process.send!({ counts: { expo: expo.received.length, web } });
  if (msg.reset) {
    expo.received.length = 0;
    web = 0;
  }
});
process.on('disconnect', () => process.exit(0));
