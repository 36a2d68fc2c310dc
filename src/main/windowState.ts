// Remembers the main window's size, position and maximised state in the store's settings between runs.
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import type { Storage } from '../backend';

const KEY = 'window.main';

interface SavedWindow {
  bounds: Rectangle;
  maximized: boolean;
}

export function restoreWindowState(store: Storage): SavedWindow {
  const fallback: SavedWindow = { bounds: { x: 0, y: 0, width: 1360, height: 860 }, maximized: false };
  const raw = store.getSetting(KEY);
  if (!raw) return fallback;
  try {
    const saved = JSON.parse(raw) as SavedWindow;
    // A window saved on a monitor that is gone would open off-screen.
    const visible = screen.getAllDisplays().some((d) => intersects(d.workArea, saved.bounds));
    return visible ? saved : { ...fallback, maximized: saved.maximized };
  } catch {
    return fallback;
  }
}

export function trackWindowState(win: BrowserWindow, store: Storage): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (win.isDestroyed()) return;
    const state: SavedWindow = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    store.setSetting(KEY, JSON.stringify(state));
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', () => {
    clearTimeout(timer);
    save();
  });
}

function intersects(a: Rectangle, b: Rectangle): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
