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
    rename: (input) => ipcRenderer.invoke('studies.rename', input),
    setTags: (input) => ipcRenderer.invoke('studies.setTags', input),
    setNotes: (input) => ipcRenderer.invoke('studies.setNotes', input),
    setTrialNotes: (input) => ipcRenderer.invoke('studies.setTrialNotes', input),
    delete: (input) => ipcRenderer.invoke('studies.delete', input),
    continue: (input) => ipcRenderer.invoke('studies.continue', input),
    exportTrials: (input) => ipcRenderer.invoke('studies.exportTrials', input),
  },
  analysis: {
    robustness: (input) => ipcRenderer.invoke('analysis.robustness', input),
    parameters: (input) => ipcRenderer.invoke('analysis.parameters', input),
    surface: (input) => ipcRenderer.invoke('analysis.surface', input),
  },
  walkForward: {
    create: (input) => ipcRenderer.invoke('walkForward.create', input),
    list: (input) => ipcRenderer.invoke('walkForward.list', input),
    get: (input) => ipcRenderer.invoke('walkForward.get', input),
    stop: (input) => ipcRenderer.invoke('walkForward.stop', input),
  },
  exports: {
    create: (input) => ipcRenderer.invoke('exports.create', input),
    history: (input) => ipcRenderer.invoke('exports.history', input),
    load: (input) => ipcRenderer.invoke('exports.load', input),
    revalidate: (input) => ipcRenderer.invoke('exports.revalidate', input),
  },
  backup: {
    create: (input) => ipcRenderer.invoke('backup.create', input),
    restore: (input) => ipcRenderer.invoke('backup.restore', input),
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
