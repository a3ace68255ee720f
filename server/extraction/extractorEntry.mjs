// Entry of the extraction child process: teaches it TypeScript (tsx), then runs extractor.ts.
import { register } from 'tsx/esm/api';

register();
await import('./extractor.ts');
