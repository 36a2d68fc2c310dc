// The preload: exposes exactly the contract's methods (one line each), one event subscription and the File → path
// lookup on window.holdout. It checks nothing itself: the main process validates every request.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
// Imported from the file, not the package index, so the sandboxed preload bundle stays free of zod.
import { EVENT_CHANNEL, type BridgeApi, type HoldoutBridge } from '../shared/bridge';
import type { EventMessage } from '../shared/contract';

const api = {
  app: {
    info: (input) => ipcRenderer.invoke('app.info', input),
  },
  datasets: {
    list: (input) => ipcRenderer.invoke('datasets.list', input),
    get: (input) => ipcRenderer.invoke('datasets.get', input),
    import: (input) => ipcRenderer.invoke('datasets.import', input),
    rename: (input) => ipcRenderer.invoke('datasets.rename', input),
    delete: (input) => ipcRenderer.invoke('datasets.delete', input),
    chart: (input) => ipcRenderer.invoke('datasets.chart', input),
    samples: (input) => ipcRenderer.invoke('datasets.samples', input),
    loadSample: (input) => ipcRenderer.invoke('datasets.loadSample', input),
  },
  strategies: {
    list: (input) => ipcRenderer.invoke('strategies.list', input),
    problems: (input) => ipcRenderer.invoke('strategies.problems', input),
  },
  metrics: {
    definitions: (input) => ipcRenderer.invoke('metrics.definitions', input),
  },
  backtests: {
    run: (input) => ipcRenderer.invoke('backtests.run', input),
  },
  studies: {
    create: (input) => ipcRenderer.invoke('studies.create', input),
    list: (input) => ipcRenderer.invoke('studies.list', input),
    get: (input) => ipcRenderer.invoke('studies.get', input),
    trials: (input) => ipcRenderer.invoke('studies.trials', input),
    pause: (input) => ipcRenderer.invoke('studies.pause', input),
    resume: (input) => ipcRenderer.invoke('studies.resume', input),
    stop: (input) => ipcRenderer.invoke('studies.stop', input),
  },
} satisfies BridgeApi;

const bridge: HoldoutBridge = {
  api,
  onEvent(listener) {
    const handler = (_e: IpcRendererEvent, message: EventMessage) => listener(message);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
  pathForFile: (file) => webUtils.getPathForFile(file as File),
};

contextBridge.exposeInMainWorld('holdout', bridge);
