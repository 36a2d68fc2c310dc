// Worker thread for backtests: strategy targets, simulation, metrics and the performance profile, off the main
// thread and off the UI. User strategy files are compiled and imported only here (see src/backend/strategies).
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { backtestWorkerApi } from '../src/backend/backtests/backtestWorkerApi';

if (!parentPort) throw new Error('backtest.worker must run as a worker thread');
Comlink.expose(backtestWorkerApi, nodeEndpoint(parentPort));
