import { BrowserWindow } from 'electron';
import type { PrintPdfHook } from '../core/handler-types';
import { previewPath } from '../../shared/preview-route';
import { APP_ORIGIN } from './protocol';

// 'export.pdf' in the desktop app: the Pratinjau of the document is loaded in a hidden window
// with the same secure settings as the main one, and Chromium prints exactly its pages
// (paper size from the page's @page rules, fonts embedded). Nothing else happens here.

const READY_TIMEOUT_MS = 30_000;

export function createPrintPdf(preload: string): PrintPdfHook {
  return async (request) => {
    // The main window's settings, written out here too: the security scanner reads them literally.
    const win = new BrowserWindow({
      show: false,
      width: 1280,
      height: 900,
      webPreferences: {
        preload, // eng-disable PRELOAD_JS_CHECK -- reviewed: the same preload as the main window, see preload.ts
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        spellcheck: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    try {
      await win.loadURL(`${APP_ORIGIN}/index.html#${previewPath({ ...request, lampiran: [...request.lampiran] })}`);
      // The preview marks itself ready once its pages are laid out.
      const started = Date.now();
      while (!(await win.webContents.executeJavaScript(`document.querySelector('[data-preview-ready]') !== null`) as boolean)) {
        if (Date.now() - started > READY_TIMEOUT_MS) throw new Error('preview not ready');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const pdf = await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
      return new Uint8Array(pdf);
    } finally {
      win.destroy();
    }
  };
}
