// Worker thread for tuning studies: the ask/tell core and its sampler (GP fitting is heavy), off the main thread.
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { studyWorkerApi } from '../src/backend/studies/studyWorkerApi';

if (!parentPort) throw new Error('study.worker must run as a worker thread');
Comlink.expose(studyWorkerApi, nodeEndpoint(parentPort));
