// zod decides whether to compile its parsers with `new Function` the moment a z.object() is created, probing
// for eval. Under our script-src 'self' the probe fails harmlessly but is still reported as a CSP violation on
// every launch. jitless skips the probe; it must run before any module that builds schemas (src/shared), which
// is why main.tsx imports this file ahead of everything else that reaches the contract.
import { z } from 'zod';

z.config({ jitless: true });
