import type { Page } from 'playwright-core';

// Driving the data dukung screens in Chromium with many real photos (tests and bench).

/** Drops `count` distinct real JPEGs of about `megabytes` each, made in the page (no transfer over the debugging pipe). */
export async function dropPhotos(page: Page, count: number, megabytes: number): Promise<void> {
  await page.evaluate(async ({ count, megabytes }) => {
    // Noise compresses badly: a 2460×1845 noisy JPEG at quality 0.95 is about 4 MB.
    const side = Math.round(Math.sqrt(megabytes) * 1230);
    const canvas = document.createElement('canvas');
    canvas.width = side;
    canvas.height = Math.round(side * 0.75);
    const ctx = canvas.getContext('2d')!;
    const image = ctx.createImageData(canvas.width, canvas.height);
    for (let i = 0; i < image.data.length; i++) image.data[i] = (i * 2654435761) >>> 24 ^ (Math.random() * 255);
    ctx.putImageData(image, 0, 0);
    const jpeg = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.95));
    const dt = new DataTransfer();
    // Bytes after the end-of-image marker are ignored by decoders: each file still decodes, and hashes differ.
    for (let i = 0; i < count; i++) dt.items.add(new File([jpeg, new Uint8Array([i & 255, i >> 8])], `foto-${String(i + 1).padStart(3, '0')}.jpg`, { type: 'image/jpeg' }));
    const zone = document.querySelector('[data-testid="drop-zone"]')!;
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, { count, megabytes });
}

/** Starts recording the longest gap between animation frames; returns a reader. */
export async function watchFrames(page: Page): Promise<() => Promise<number>> {
  // A string, not a function: tsx (the bench) would wrap named inner functions in a helper the page lacks.
  await page.evaluate(`(() => {
    window.longestFrame = 0;
    let last = performance.now();
    const tick = (now) => { window.longestFrame = Math.max(window.longestFrame, now - last); last = now; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  return () => page.evaluate(() => (window as unknown as { longestFrame: number }).longestFrame);
}
