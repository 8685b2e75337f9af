// Worker threads do not inherit tsx's loader (decision 005): register it here, then load the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./encryption-worker.ts');
