// Runs in the sandboxed preload of every window the app creates; bundled to CommonJS by vite
// (see vite.config.ts for why).
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../../shared/contract/contract.js';
import { createPreloadApi } from './bridge.js';

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createPreloadApi(ipcRenderer));
