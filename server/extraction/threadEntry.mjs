// Entry of the extraction worker thread: teaches the thread TypeScript (tsx), then runs thread.ts.
import { register } from 'tsx/esm/api';

register();
await import('./thread.ts');
