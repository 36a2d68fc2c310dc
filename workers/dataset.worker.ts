// Worker thread for dataset work that must not block the main thread: CSV import, sample generation, chart reads.
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { datasetWorkerApi } from '../src/backend/datasets/datasetWorkerApi';

if (!parentPort) throw new Error('dataset.worker must run as a worker thread');
Comlink.expose(datasetWorkerApi, nodeEndpoint(parentPort));
