// Entry of the thumbnail child process: teaches it TypeScript (tsx), then runs renderer.ts.
import { register } from 'tsx/esm/api';

register();
await import('./renderer.ts');
