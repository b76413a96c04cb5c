import { contextBridge, ipcRenderer } from 'electron';

// The whole bridge: one function. No Node, no ipcRenderer, no channel names reach the page.
contextBridge.exposeInMainWorld('rakor', {
  invoke: (name: string, input: unknown) => ipcRenderer.invoke('rakor:invoke', name, input),
});
