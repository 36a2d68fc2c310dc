// Worker thread for study analyses (PBO, bootstraps, reshuffles, GP surrogate, fANOVA forests), off the main thread.
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { analysisWorkerApi } from '../src/backend/analysis/analysisWorkerApi';

if (!parentPort) throw new Error('analysis.worker must run as a worker thread');
Comlink.expose(analysisWorkerApi, nodeEndpoint(parentPort));
