// The application menu: File > Import data…, Quit; Help > About. Import runs through the same back-end service
// as the renderer's button, so both give the same result and the same errors.
import { Menu, app, dialog, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { toHoldoutError, type Backend } from '../backend';
import { describeLocation } from '../shared';

export function installAppMenu(backend: Backend, mainWindow: () => BrowserWindow | undefined): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import data…', accelerator: 'CmdOrCtrl+O', click: () => void importData(backend, mainWindow()) },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    {
      label: 'Help',
      submenu: [{ label: 'About Holdout', click: () => void showAbout(mainWindow()) }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function importData(backend: Backend, win: BrowserWindow | undefined): Promise<void> {
  const options = {
    title: 'Import price data',
    properties: ['openFile' as const],
    filters: [{ name: 'CSV bars', extensions: ['csv', 'txt', 'tsv'] }],
  };
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  if (picked.canceled || picked.filePaths.length === 0) return;
  try {
    // The renderer hears about the new dataset through the datasets.changed event.
    await backend.datasets.importFile({ kind: 'path', path: picked.filePaths[0] });
  } catch (err) {
    const e = toHoldoutError(err);
    const where = describeLocation(e.location);
    dialog.showErrorBox('Import failed', where ? `${e.message}\n\n(${where})` : e.message);
  }
}

async function showAbout(win: BrowserWindow | undefined): Promise<void> {
  const options = {
    type: 'info' as const,
    title: 'About Holdout',
    message: `Holdout ${app.getVersion()}`,
    detail: 'Bayesian strategy tuning with overfitting statistics, offline, on your own machine.',
  };
  if (win) await dialog.showMessageBox(win, options);
  else await dialog.showMessageBox(options);
}
