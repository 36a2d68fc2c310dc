// Electron main process: one secure window, the app menu, IPC registration that forwards to the shared back end,
// a single-instance lock and a graceful quit. Nothing heavy runs here: the back end hands it to worker threads.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BrowserWindow, app, session, shell, type IpcMainInvokeEvent } from 'electron';
import { appRoot, createBackend, type Backend } from '../backend';
import { EVENT_CHANNEL } from '../shared';
import { installAppMenu } from './appMenu';
import { registerIpcHandlers } from './ipcHandlers';
import { restoreWindowState, trackWindowState } from './windowState';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDevUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = join(here, '../renderer/index.html');
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; worker-src 'self' blob:";

let mainWindow: BrowserWindow | undefined;
let backend: Backend | undefined;
let closed = false;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start, (err: unknown) => {
    console.error('[holdout] failed to start:', err);
    app.exit(2);
  });
}

function start(): void {
  const root = appRoot(import.meta.url);
  backend = createBackend({
    dataDir: app.getPath('userData'),
    mode: 'desktop',
    version: app.getVersion(),
    workerDir: here,
    resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(root, 'resources'),
  });
  const b = backend;

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  registerIpcHandlers(b, isTrustedSender);
  b.events.subscribe((message) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENT_CHANNEL, message);
  });
  installAppMenu(b, () => mainWindow);
  createWindow(b);

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(b);
  });
}

function createWindow(b: Backend): void {
  const saved = restoreWindowState(b.store);
  const win = new BrowserWindow({
    ...saved.bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Holdout',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  mainWindow = win;
  if (saved.maximized) win.maximize();
  trackWindowState(win, b.store);
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = undefined;
  });
  if (rendererDevUrl) void win.loadURL(rendererDevUrl);
  else void win.loadFile(rendererFile);
}

/** Only our own renderer page may call the API. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url;
  if (!url || !mainWindow || event.sender.id !== mainWindow.webContents.id) return false;
  if (rendererDevUrl) return url.startsWith(rendererDevUrl);
  return url.split('#')[0] === pathToFileURL(rendererFile).href;
}

app.on('web-contents-created', (_e, contents) => {
  // No new windows: links to the web open in the system browser.
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (url !== contents.getURL()) {
      event.preventDefault();
      if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    }
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Graceful quit: stop running work and close the database before the process ends.
app.on('before-quit', (event) => {
  if (closed || !backend) return;
  event.preventDefault();
  const b = backend;
  void b
    .close()
    .catch((err: unknown) => console.error('[holdout] error while closing the back end:', err))
    .finally(() => {
      closed = true;
      app.quit();
    });
});
