// The browser-mode host: the back end on 127.0.0.1 with a per-run token, serving the built renderer.
export { startBrowserServer, type BrowserServer, type BrowserServerOptions } from './browserServer';
