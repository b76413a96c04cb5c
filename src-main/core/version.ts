import { createRequire } from 'node:module';

// Read once from package.json so the backup metadata and the About line never drift from it.
const require = createRequire(import.meta.url);
export const APP_VERSION: string = (require('../../package.json') as { version: string }).version;
