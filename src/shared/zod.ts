/**
 * zod, configured once for every schema in the project. Jitless: zod's fast path compiles parsers
 * with `new Function`, which the app's Content-Security-Policy forbids (no 'unsafe-eval'), and even
 * its probe for eval would be reported as a violation. Schemas import `z` from here, never 'zod'.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
