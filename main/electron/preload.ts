import { contextBridge, ipcRenderer } from 'electron';
import { createClient } from '../../shared/ipc/client.ts';
import { IPC_CHANNEL, type ServerMessage } from '../../shared/ipc/wire.ts';

// The page gets the typed API and nothing else: no ipcRenderer, no Node, no database handle.
contextBridge.exposeInMainWorld(
  'rapport',
  createClient({
    send: (message) => ipcRenderer.send(IPC_CHANNEL, message),
    onMessage: (listener) => {
      ipcRenderer.on(IPC_CHANNEL, (_event, message: ServerMessage) => listener(message));
    },
  }),
);
